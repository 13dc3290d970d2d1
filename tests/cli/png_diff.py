#!/usr/bin/python3
"""png_diff.py A.png B.png [MAX_SHARE]: compare two 8-bit PNGs (grey or RGB,
as pdftoppm -gray -png writes them) pixel by pixel as grey levels, with the
standard library only. A pixel differs when its grey levels are more than
64 apart. Prints the share of differing pixels; exit 0 when the sizes match
and the share is at most MAX_SHARE (default 0.01), 1 otherwise, 2 on a file
it cannot read.

png_diff.py --grey IN.png OUT.png: write IN as an 8-bit greyscale PNG (small
reference images)."""
import struct
import sys
import zlib


def read_grey_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (0, 2) or interlace != 0:
                raise ValueError(f"{path}: want 8-bit grey or RGB, not interlaced")
            bpp = 1 if colour == 0 else 3
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev, at = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[at], bytearray(raw[at + 1:at + 1 + stride])
        at += 1 + stride
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up, corner = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + pred) & 255
        rows.append(line if bpp == 1 else
                    bytes((line[i] + line[i + 1] + line[i + 2]) // 3 for i in range(0, stride, 3)))
        prev = line
    return width, height, rows


def write_grey_png(path, width, height, rows):
    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body +
                struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    raw = b"".join(b"\x00" + bytes(r) for r in rows)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main(argv):
    if len(argv) == 4 and argv[1] == "--grey":
        write_grey_png(argv[3], *read_grey_png(argv[2]))
        return 0
    if len(argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    share_max = float(argv[3]) if len(argv) == 4 else 0.01
    try:
        wa, ha, a = read_grey_png(argv[1])
        wb, hb, b = read_grey_png(argv[2])
    except (OSError, ValueError, zlib.error) as e:
        print(f"png_diff: {e}", file=sys.stderr)
        return 2
    if (wa, ha) != (wb, hb):
        print(f"sizes differ: {wa}x{ha} and {wb}x{hb}")
        return 1
    differ = sum(1 for ra, rb in zip(a, b) for x, y in zip(ra, rb) if abs(x - y) > 64)
    share = differ / (wa * ha)
    print(f"{differ} of {wa * ha} pixels differ ({share:.4f}, at most {share_max})")
    return 0 if share <= share_max else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
