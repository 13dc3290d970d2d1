-- stdout carries JSON and CSV
print("injected")
