"""Regenerate `src/dossier/web/static/world.svg`, the offline country outline of the map page.

The shapes are Natural Earth's 1:110m admin-0 countries (public domain), as shipped in the
`naturalearth_lowres` shapefile of the geopandas 0.14 wheel:

    pip download --no-deps geopandas==0.14.4 -d /tmp/gp
    unzip -j /tmp/gp/geopandas-0.14.4-*.whl '*/naturalearth_lowres/*' -d /tmp/ne
    python benchmarks/world_outline.py /tmp/ne/naturalearth_lowres.shp

The projection is equirectangular: x = longitude, y = -latitude, so the page places a point at
(lon, -lat) with no projection code.  One <path> per country, titled with its ISO code.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/dossier/web/static/world.svg"
POLYGON = 5


def read_polygons(shp: Path) -> list[list[list[tuple[float, float]]]]:
    """The rings of each polygon record of an ESRI shapefile (only polygon shapes are read)."""
    data = shp.read_bytes()
    pos, shapes = 100, []
    while pos < len(data):
        _num, length = struct.unpack(">ii", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + 2 * length]
        pos += 8 + 2 * length
        if struct.unpack("<i", body[:4])[0] != POLYGON:
            continue
        nparts, npoints = struct.unpack("<ii", body[36:44])
        parts = [*struct.unpack(f"<{nparts}i", body[44 : 44 + 4 * nparts]), npoints]
        base = 44 + 4 * nparts
        points = [struct.unpack("<2d", body[base + 16 * i : base + 16 * i + 16]) for i in range(npoints)]
        shapes.append([points[parts[i] : parts[i + 1]] for i in range(nparts)])
    return shapes


def read_iso(dbf: Path) -> list[str]:
    """The iso_a3 column of the shapefile's dBASE table."""
    data = dbf.read_bytes()
    nrec, hlen, rlen = struct.unpack("<IHH", data[4:12])
    fields, off = [], 32
    while data[off] != 0x0D:
        name = data[off : off + 11].split(b"\0")[0].decode()
        fields.append((name, data[off + 16]))
        off += 32
    col = next(i for i, (n, _) in enumerate(fields) if n.lower() == "iso_a3")
    start = 1 + sum(w for _, w in fields[:col])
    width = fields[col][1]
    return [data[hlen + r * rlen + start : hlen + r * rlen + start + width].decode().strip() for r in range(nrec)]


def ring_path(ring: list[tuple[float, float]]) -> str:
    out: list[str] = []
    last = None
    for lon, lat in ring:
        point = (round(lon, 1), round(-lat, 1))
        if point != last:
            out.append(f"{point[0]:g} {point[1]:g}")
            last = point
    return "M" + "L".join(out) + "Z" if len(out) > 2 else ""


def main(shp: str) -> None:
    path = Path(shp)
    shapes = read_polygons(path)
    codes = read_iso(path.with_suffix(".dbf"))
    lines = [
        '<svg viewBox="-180 -90 360 180" xmlns="http://www.w3.org/2000/svg">',
        "<!-- Natural Earth 1:110m admin-0 countries (public domain); x = lon, y = -lat -->",
    ]
    for code, rings in zip(codes, shapes, strict=True):
        d = "".join(ring_path(r) for r in rings)
        if d:
            lines.append(f'<path data-iso="{code}" d="{d}"/>')
    lines.append("</svg>")
    OUT.write_text("\n".join(lines) + "\n")
    print(f"{OUT}: {len(shapes)} countries, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/ne/naturalearth_lowres.shp")
