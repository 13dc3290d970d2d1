-- load a C library
package.loadlib("libc.so.6", "system")
