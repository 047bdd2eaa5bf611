#!/usr/bin/env python3
"""Generate the flat-style illustrations used by the Minghu sample site.

    python3 tools/make-illustrations.py            # (re)write every image
    python3 tools/make-illustrations.py --check    # only list what would be written

For every role-model page (content/role-models/*.md, not the English twins) that names a
`photo:`, this draws an 800x1000 portrait: an abstract figure silhouette on a soft
background with one small motif that the page's `photo_alt` describes.  For every PSA
(content/ads/*.md) that names a `poster:`, it draws a 1200x1600 poster illustration.
The images carry no text: the words of each poster are in the page body.

Output is deterministic: the same script and Pillow version give byte-identical JPEGs
(no randomness, no timestamps, no EXIF).  Needs Python 3 and Pillow (`pip install pillow`).
"""

from __future__ import annotations

import colorsys
import hashlib
import math
import re
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
SS = 2  # supersampling factor: draw large, then scale down for smooth edges
JPEG = dict(quality=82, optimize=True, progressive=False, subsampling=2)
MAX_BYTES = 120 * 1024


# --------------------------------------------------------------------------- colours

def hexrgb(h: str) -> tuple[int, int, int]:
    h = h.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


def shade(rgb, light=0.0, sat=0.0):
    """Shift lightness / saturation (each in -1..1) in HLS space."""
    r, g, b = (c / 255 for c in rgb)
    h, l, s = colorsys.rgb_to_hls(r, g, b)
    l = min(1.0, max(0.0, l + light))
    s = min(1.0, max(0.0, s + sat))
    return tuple(round(c * 255) for c in colorsys.hls_to_rgb(h, l, s))


# --------------------------------------------------------------------------- portraits
# bg: background; fig: silhouette colour; accent: motif colour
# hair: short | long | bun | ponytail | cropped | grey ; build: narrow | medium | broad
# motif: what the photo_alt promises; deco: background pattern

PORTRAITS = {
    "li-mei":         dict(bg="#f6d3b3", fig="#6b3f2a", accent="#fff7ea", hair="bun",      build="narrow", motif="book",     deco="rings"),
    "zhou-jianguo":   dict(bg="#b9dcf2", fig="#24415e", accent="#f4b942", hair="short",    build="broad",  motif="wheel",    deco="stripes"),
    "zhao-deshun":    dict(bg="#cfdcc8", fig="#3f4a3a", accent="#c99a2e", hair="grey",     build="medium", motif="coin",     deco="dots"),
    "sun-liqiang":    dict(bg="#f5c2b5", fig="#5a2d2a", accent="#e4574a", hair="cropped",  build="medium", motif="heart",    deco="rings"),
    "he-haibo":       dict(bg="#a9d3e6", fig="#173a52", accent="#ffffff", hair="short",    build="broad",  motif="waves",    deco="arcs"),
    "lin-xiaowen":    dict(bg="#bfe6d3", fig="#24574a", accent="#ffffff", hair="ponytail", build="narrow", motif="cross",    deco="dots"),
    "deng-xiaochuan": dict(bg="#f7de7a", fig="#3e3420", accent="#2f6fd6", hair="short",    build="medium", motif="bolt",     deco="stripes"),
    "qian-fusheng":   dict(bg="#d6d9b3", fig="#46472c", accent="#c2473a", hair="grey",     build="narrow", motif="umbrella", deco="arcs"),
    "huang-siyu":     dict(bg="#d9cdef", fig="#3e2f63", accent="#ffffff", hair="long",     build="narrow", motif="bubble",   deco="dots"),
    "yang-lixin":     dict(bg="#f8c99a", fig="#59341c", accent="#2d6a8e", hair="cropped",  build="broad",  motif="pencil",   deco="stripes"),
    "wu-guilan":      dict(bg="#2f6f73", fig="#14302f", accent="#f6e7a6", hair="bun",      build="medium", motif="moon",     deco="stars"),
    "zheng-haifeng":  dict(bg="#ead7b5", fig="#4f3b22", accent="#b5533c", hair="short",    build="broad",  motif="house",    deco="rings"),
    "liu-guifang":    dict(bg="#c6e8a4", fig="#2d4a1e", accent="#3f8f2f", hair="ponytail", build="medium", motif="leaf",     deco="arcs"),
    "tang-xue":       dict(bg="#f3c9d3", fig="#5a2636", accent="#2b2b3a", hair="long",     build="narrow", motif="headset",  deco="dots"),
    "ma-xiulan":      dict(bg="#efd594", fig="#5b4318", accent="#ffffff", hair="bun",      build="medium", motif="bowl",     deco="rings"),
    "xu-ruoxi":       dict(bg="#c4d7f2", fig="#2c3b66", accent="#f7c948", hair="ponytail", build="narrow", motif="star",     deco="stars"),
}

SKIN = ["#f1c9a5", "#e0ac84", "#c98e68", "#f5d3b8", "#d9a07a", "#b97d58"]
FALLBACK_BG = ["#f6d3b3", "#b9dcf2", "#cfdcc8", "#f5c2b5", "#d9cdef", "#efd594", "#bfe6d3"]
FALLBACK_MOTIF = ["book", "heart", "star", "leaf", "coin", "bubble"]
FALLBACK_HAIR = ["short", "long", "bun", "ponytail", "cropped", "grey"]


def seed_of(name: str) -> int:
    return int(hashlib.sha256(name.encode()).hexdigest()[:8], 16)


def spec_for(stem: str) -> dict:
    if stem in PORTRAITS:
        return PORTRAITS[stem]
    s = seed_of(stem)
    bg = FALLBACK_BG[s % len(FALLBACK_BG)]
    return dict(bg=bg, fig=shade_hex(bg, -0.5), accent="#ffffff",
                hair=FALLBACK_HAIR[(s >> 4) % len(FALLBACK_HAIR)], build="medium",
                motif=FALLBACK_MOTIF[(s >> 8) % len(FALLBACK_MOTIF)], deco="dots")


def shade_hex(h: str, light: float) -> str:
    return "#%02x%02x%02x" % shade(hexrgb(h), light)


def poly_star(cx, cy, r_out, r_in, points=5, rot=-90):
    pts = []
    for i in range(points * 2):
        r = r_out if i % 2 == 0 else r_in
        a = math.radians(rot + i * 180 / points)
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def heart(d: ImageDraw.ImageDraw, cx, cy, size, fill):
    r = size * 0.28
    d.ellipse((cx - 2 * r, cy - r * 1.6, cx, cy + r * 0.4), fill=fill)
    d.ellipse((cx, cy - r * 1.6, cx + 2 * r, cy + r * 0.4), fill=fill)
    d.polygon([(cx - 1.93 * r, cy - 0.25 * r), (cx + 1.93 * r, cy - 0.25 * r), (cx, cy + 2.0 * r)], fill=fill)


def draw_motif(d: ImageDraw.ImageDraw, motif: str, cx: float, cy: float, size: float, col, bg, fig):
    s = size
    if motif == "book":
        d.polygon([(cx - s, cy - s * 0.55), (cx - s * 0.05, cy - s * 0.4), (cx - s * 0.05, cy + s * 0.6), (cx - s, cy + s * 0.45)], fill=col)
        d.polygon([(cx + s, cy - s * 0.55), (cx + s * 0.05, cy - s * 0.4), (cx + s * 0.05, cy + s * 0.6), (cx + s, cy + s * 0.45)], fill=shade(col, -0.08))
        for i in range(4):
            y = cy - s * 0.25 + i * s * 0.17
            d.line((cx - s * 0.8, y, cx - s * 0.2, y + s * 0.05), fill=shade(col, -0.3), width=int(s * 0.04))
            d.line((cx + s * 0.2, y + s * 0.05, cx + s * 0.8, y), fill=shade(col, -0.3), width=int(s * 0.04))
    elif motif == "wheel":
        w = s * 0.16
        d.ellipse((cx - s, cy - s, cx + s, cy + s), outline=col, width=int(w))
        d.ellipse((cx - s * 0.22, cy - s * 0.22, cx + s * 0.22, cy + s * 0.22), fill=col)
        for a in (90, 210, 330):
            ar = math.radians(a)
            d.line((cx, cy, cx + math.cos(ar) * s * 0.9, cy + math.sin(ar) * s * 0.9), fill=col, width=int(w * 0.8))
    elif motif == "coin":
        d.ellipse((cx - s, cy - s, cx + s, cy + s), fill=col)
        d.ellipse((cx - s * 0.82, cy - s * 0.82, cx + s * 0.82, cy + s * 0.82), outline=shade(col, -0.15), width=int(s * 0.06))
        d.rectangle((cx - s * 0.28, cy - s * 0.28, cx + s * 0.28, cy + s * 0.28), fill=bg)
    elif motif == "heart":
        heart(d, cx, cy, s * 1.9, col)
    elif motif == "waves":
        for i in range(3):
            y = cy + i * s * 0.45
            pts = [(cx - s * 3 + t * s * 0.1, y + math.sin(t * 0.42) * s * 0.12) for t in range(61)]
            d.line(pts, fill=col, width=int(s * 0.11), joint="curve")
    elif motif == "cross":
        d.rounded_rectangle((cx - s * 0.3, cy - s, cx + s * 0.3, cy + s), radius=s * 0.08, fill=col)
        d.rounded_rectangle((cx - s, cy - s * 0.3, cx + s, cy + s * 0.3), radius=s * 0.08, fill=col)
    elif motif == "bolt":
        d.polygon([(cx + s * 0.15, cy - s), (cx - s * 0.55, cy + s * 0.1), (cx - s * 0.05, cy + s * 0.1),
                   (cx - s * 0.25, cy + s), (cx + s * 0.55, cy - s * 0.15), (cx + s * 0.05, cy - s * 0.15)], fill=col)
    elif motif == "umbrella":
        d.pieslice((cx - s, cy - s * 0.9, cx + s, cy + s * 1.1), 180, 360, fill=col)
        for i in range(3):
            x0 = cx - s + i * s * 2 / 3
            d.ellipse((x0, cy + s * 0.02, x0 + s * 2 / 3, cy + s * 0.26), fill=bg)
        d.line((cx, cy + s * 0.05, cx, cy + s * 1.05), fill=fig, width=int(s * 0.08))
        d.arc((cx, cy + s * 0.85, cx + s * 0.4, cy + s * 1.25), 0, 180, fill=fig, width=int(s * 0.08))
    elif motif == "bubble":
        d.rounded_rectangle((cx - s, cy - s * 0.7, cx + s, cy + s * 0.5), radius=s * 0.35, fill=col)
        d.polygon([(cx - s * 0.5, cy + s * 0.4), (cx - s * 0.1, cy + s * 0.4), (cx - s * 0.65, cy + s * 0.95)], fill=col)
        for i in (-1, 0, 1):
            d.ellipse((cx + i * s * 0.45 - s * 0.11, cy - s * 0.21, cx + i * s * 0.45 + s * 0.11, cy + s * 0.01), fill=bg)
    elif motif == "pencil":
        ang = math.radians(-35)
        ux, uy = math.cos(ang), math.sin(ang)
        vx, vy = -uy, ux
        L, W = s * 1.3, s * 0.22

        def p(a, b):
            return (cx + ux * a + vx * b, cy + uy * a + vy * b)
        d.polygon([p(-L, -W), p(L * 0.55, -W), p(L * 0.55, W), p(-L, W)], fill=col)
        d.polygon([p(L * 0.55, -W), p(L, 0), p(L * 0.55, W)], fill=(240, 214, 170))
        d.polygon([p(L * 0.86, -W * 0.3), p(L, 0), p(L * 0.86, W * 0.3)], fill=fig)
        d.polygon([p(-L, -W), p(-L * 0.8, -W), p(-L * 0.8, W), p(-L, W)], fill=(232, 140, 150))
    elif motif == "moon":
        d.ellipse((cx - s, cy - s, cx + s, cy + s), fill=col)
        d.ellipse((cx - s * 0.55, cy - s * 1.1, cx + s * 1.35, cy + s * 0.8), fill=bg)
    elif motif == "house":
        d.polygon([(cx - s, cy - s * 0.05), (cx, cy - s), (cx + s, cy - s * 0.05)], fill=col)
        d.rectangle((cx - s * 0.75, cy - s * 0.1, cx + s * 0.75, cy + s * 0.9), fill=shade(col, 0.25))
        d.rectangle((cx - s * 0.2, cy + s * 0.3, cx + s * 0.2, cy + s * 0.9), fill=col)
    elif motif == "leaf":
        ang = math.radians(-45)
        ca, sa = math.cos(ang), math.sin(ang)
        pts = []
        for i in range(41):
            u = -1 + i / 20
            pts.append((u, 0.42 * (1 - u * u)))
        for i in range(41):
            u = 1 - i / 20
            pts.append((u, -0.42 * (1 - u * u)))
        d.polygon([(cx + s * (x * ca - y * sa), cy + s * (x * sa + y * ca)) for x, y in pts], fill=col)
        d.line((cx - s * 1.15 * ca, cy - s * 1.15 * sa, cx + s * 0.9 * ca, cy + s * 0.9 * sa), fill=shade(col, 0.3), width=int(s * 0.07))
    elif motif == "bowl":
        d.ellipse((cx - s * 0.9, cy - s * 0.75, cx + s * 0.9, cy - s * 0.05), fill=col)  # heap of rice
        d.chord((cx - s * 1.1, cy - s * 0.8, cx + s * 1.1, cy + s * 0.9), 0, 180, fill=shade(col, -0.25))
        d.rectangle((cx - s * 0.35, cy + s * 0.8, cx + s * 0.35, cy + s * 0.95), fill=shade(col, -0.25))
    elif motif == "star":
        d.polygon(poly_star(cx, cy, s, s * 0.42), fill=col)
    elif motif == "headset":
        pass  # drawn on the head, see portrait()


def portrait(stem: str, spec: dict) -> Image.Image:
    W, H = 800 * SS, 1000 * SS
    bg = hexrgb(spec["bg"])
    fig = hexrgb(spec["fig"])
    acc = hexrgb(spec["accent"])
    seed = seed_of(stem)
    img = Image.new("RGB", (W, H), bg)
    d = ImageDraw.Draw(img)
    tint = shade(bg, 0.07)
    deep = shade(bg, -0.06)

    # background pattern
    deco = spec["deco"]
    ox = (seed % 200) - 100
    if deco == "rings":
        for i, r in enumerate((640, 520, 400)):
            d.ellipse((W / 2 + ox - r * SS / 2 * 1.4, 360 * SS - r * SS / 2 * 1.4, W / 2 + ox + r * SS / 2 * 1.4, 360 * SS + r * SS / 2 * 1.4),
                      fill=tint if i % 2 == 0 else bg)
    elif deco == "stripes":
        for i in range(-4, 12):
            x = i * 150 * SS + ox * SS
            d.polygon([(x, 0), (x + 70 * SS, 0), (x + 70 * SS - 500 * SS, H), (x - 500 * SS, H)], fill=tint)
        d.ellipse((W / 2 - 330 * SS, 380 * SS - 330 * SS, W / 2 + 330 * SS, 380 * SS + 330 * SS), fill=bg)
    elif deco == "dots":
        for j in range(12):
            for i in range(10):
                if (i + j + seed) % 3 == 0:
                    x, y = (i + 0.5) * 80 * SS, (j + 0.5) * 85 * SS
                    d.ellipse((x - 9 * SS, y - 9 * SS, x + 9 * SS, y + 9 * SS), fill=tint)
        d.ellipse((W / 2 - 300 * SS, 390 * SS - 300 * SS, W / 2 + 300 * SS, 390 * SS + 300 * SS), fill=tint)
    elif deco == "arcs":
        for i in range(6):
            r = (180 + i * 110) * SS
            d.arc((W - r, -r + 100 * SS, W + r, r + 100 * SS), 90, 180, fill=tint, width=40 * SS)
        d.ellipse((W / 2 - 300 * SS, 390 * SS - 300 * SS, W / 2 + 300 * SS, 390 * SS + 300 * SS), fill=tint)
    elif deco == "stars":
        for k in range(14):
            sx = ((seed >> (k % 16)) * 37 + k * 211) % (W - 80 * SS) + 40 * SS
            sy = ((seed >> (k % 11)) * 53 + k * 157) % (380 * SS) + 30 * SS
            rr = (8 + (k * 7) % 14) * SS
            d.polygon(poly_star(sx, sy, rr, rr * 0.45), fill=shade(bg, 0.18))
        d.ellipse((W / 2 - 300 * SS, 400 * SS - 300 * SS, W / 2 + 300 * SS, 400 * SS + 300 * SS), fill=tint)

    # ground shadow band
    d.rectangle((0, 900 * SS, W, H), fill=deep)

    # figure
    cx = W / 2 + ((seed >> 3) % 40 - 20) * SS
    head_r = {"narrow": 112, "medium": 118, "broad": 124}[spec["build"]] * SS
    head_cy = 395 * SS
    sh_w = {"narrow": 250, "medium": 285, "broad": 320}[spec["build"]] * SS
    hair = spec["hair"]
    hair_col = shade(fig, -0.08) if hair != "grey" else shade(fig, 0.45, -0.3)
    face_col = hexrgb(SKIN[seed % len(SKIN)])

    if hair == "long":  # hair behind the head, falling to the shoulders
        d.rounded_rectangle((cx - head_r * 1.12, head_cy - head_r * 1.05, cx + head_r * 1.12, head_cy + head_r * 1.75),
                            radius=head_r, fill=hair_col)
    # shoulders / torso
    top = head_cy + head_r * 1.25
    d.rounded_rectangle((cx - sh_w, top, cx + sh_w, H + 200 * SS), radius=sh_w * 0.62, fill=fig)
    # neck
    d.rounded_rectangle((cx - head_r * 0.38, head_cy + head_r * 0.5, cx + head_r * 0.38, top + 40 * SS), radius=20 * SS, fill=face_col)
    # collar
    d.polygon([(cx - head_r * 0.5, top + 5 * SS), (cx, top + 110 * SS), (cx + head_r * 0.5, top + 5 * SS)], fill=shade(fig, 0.08))
    if hair == "ponytail":  # tail behind the head
        d.ellipse((cx + head_r * 0.55, head_cy - head_r * 0.75, cx + head_r * 1.35, head_cy + head_r * 0.95), fill=hair_col)
    # head
    d.ellipse((cx - head_r, head_cy - head_r * 1.08, cx + head_r, head_cy + head_r * 1.0), fill=face_col)
    # hair styles on top of the head
    hb = (cx - head_r * 1.04, head_cy - head_r * 1.14, cx + head_r * 1.04, head_cy + head_r * 0.7)
    if hair in ("short", "grey", "cropped"):
        d.chord(hb, 180, 360, fill=hair_col)
        if hair == "short":
            d.pieslice((cx - head_r * 1.04, head_cy - head_r * 1.14, cx + head_r * 0.2, head_cy + head_r * 0.2), 180, 270, fill=hair_col)
        if hair == "cropped":
            d.rectangle((cx - head_r * 1.0, head_cy - head_r * 0.3, cx - head_r * 0.8, head_cy + head_r * 0.05), fill=hair_col)
            d.rectangle((cx + head_r * 0.8, head_cy - head_r * 0.3, cx + head_r * 1.0, head_cy + head_r * 0.05), fill=hair_col)
    elif hair == "long":
        d.chord(hb, 180, 360, fill=hair_col)
        d.pieslice((cx - head_r * 1.04, head_cy - head_r * 1.14, cx + head_r * 0.6, head_cy + head_r * 0.5), 180, 280, fill=hair_col)
    elif hair == "bun":
        d.chord(hb, 180, 360, fill=hair_col)
        d.ellipse((cx - head_r * 0.42, head_cy - head_r * 1.62, cx + head_r * 0.42, head_cy - head_r * 0.8), fill=hair_col)
    elif hair == "ponytail":
        d.chord(hb, 180, 360, fill=hair_col)

    # motif
    m = spec["motif"]
    if m == "headset":
        band = (cx - head_r * 1.18, head_cy - head_r * 1.3, cx + head_r * 1.18, head_cy + head_r * 1.0)
        d.arc(band, 190, 350, fill=acc, width=int(22 * SS))
        for sgn in (-1, 1):
            d.rounded_rectangle((cx + sgn * head_r * 1.08 - 30 * SS, head_cy - 60 * SS, cx + sgn * head_r * 1.08 + 30 * SS, head_cy + 60 * SS),
                                radius=24 * SS, fill=acc)
        d.line((cx - head_r * 1.08, head_cy + 40 * SS, cx - head_r * 0.55, head_cy + head_r * 0.72), fill=acc, width=int(12 * SS))
        d.ellipse((cx - head_r * 0.55 - 16 * SS, head_cy + head_r * 0.72 - 16 * SS, cx - head_r * 0.55 + 16 * SS, head_cy + head_r * 0.72 + 16 * SS), fill=acc)
    elif m in ("book", "heart", "bowl"):
        draw_motif(d, m, cx, 760 * SS, 120 * SS, acc, bg, fig)
    elif m == "wheel":
        draw_motif(d, m, cx, 800 * SS, 150 * SS, acc, fig, fig)
    elif m == "waves":
        draw_motif(d, m, W / 2, 820 * SS, 140 * SS, acc, bg, fig)
    elif m in ("moon", "star"):
        draw_motif(d, m, W - 150 * SS, 150 * SS, 80 * SS, acc, tint if spec["deco"] != "stars" else bg, fig)
    elif m == "cross":
        draw_motif(d, m, cx + sh_w * 0.55, 740 * SS, 70 * SS, acc, bg, fig)
        d.rounded_rectangle((cx + sh_w * 0.55 - 95 * SS, 740 * SS - 95 * SS, cx + sh_w * 0.55 + 95 * SS, 740 * SS + 95 * SS),
                            radius=30 * SS, outline=acc, width=int(8 * SS))
    else:  # beside the figure, upper right
        bx, by = W - 140 * SS, 600 * SS
        d.ellipse((bx - 110 * SS, by - 110 * SS, bx + 110 * SS, by + 110 * SS), fill=tint)
        draw_motif(d, m, bx, by, 75 * SS, acc, tint, fig)

    return img.resize((800, 1000), Image.LANCZOS)


# --------------------------------------------------------------------------- posters

def person(d, x, foot_y, h, col, head_col=None, bend=0.0):
    """A simple standing (or bending) figure; h is total height."""
    head_col = head_col or col
    r = h * 0.11
    body_top = foot_y - h * 0.78
    if bend:
        # torso leaning forward: hips stay, shoulders move right and down
        hip = (x, foot_y - h * 0.45)
        sh = (x + h * 0.38 * bend, foot_y - h * 0.62)
        d.line([hip, sh], fill=col, width=int(h * 0.16), joint="curve")
        d.ellipse((sh[0] + r * 0.3, sh[1] - r * 1.1, sh[0] + r * 2.3, sh[1] + r * 0.9), fill=head_col)
        d.line([sh, (sh[0] + h * 0.1, foot_y - h * 0.08)], fill=col, width=int(h * 0.06))
        d.line([hip, (x - h * 0.06, foot_y)], fill=col, width=int(h * 0.08))
        d.line([hip, (x + h * 0.1, foot_y)], fill=col, width=int(h * 0.08))
        return (sh[0] + h * 0.1, foot_y - h * 0.08)
    d.ellipse((x - r, body_top - r * 2.1, x + r, body_top - r * 0.1), fill=head_col)
    d.rounded_rectangle((x - h * 0.13, body_top, x + h * 0.13, foot_y - h * 0.4), radius=h * 0.06, fill=col)
    d.rounded_rectangle((x - h * 0.11, foot_y - h * 0.44, x - h * 0.015, foot_y), radius=h * 0.03, fill=col)
    d.rounded_rectangle((x + h * 0.015, foot_y - h * 0.44, x + h * 0.11, foot_y), radius=h * 0.03, fill=col)
    return None


def poster_clean_plate_winter(d, W, H):
    d.rectangle((0, 0, W, H), fill=hexrgb("#f08a3c"))
    d.ellipse((-300, H * 0.55, W + 300, H * 1.35), fill=hexrgb("#e87a2c"))
    cx, cy = W / 2, H * 0.45
    d.ellipse((cx - 430 * SS / 2 * 1.6, cy - 430 * SS / 2 * 1.6, cx + 430 * SS / 2 * 1.6, cy + 430 * SS / 2 * 1.6), fill=hexrgb("#d96a22"))
    d.ellipse((cx - 330 * SS, cy - 330 * SS, cx + 330 * SS, cy + 330 * SS), fill=hexrgb("#ffffff"))
    d.ellipse((cx - 230 * SS, cy - 230 * SS, cx + 230 * SS, cy + 230 * SS), fill=hexrgb("#f4f1ea"))
    for off in (0, 46 * SS):
        d.line((cx + 80 * SS + off, cy - 470 * SS, cx + 330 * SS + off, cy + 420 * SS), fill=hexrgb("#7a4a22"), width=22 * SS)
    for i in range(9):
        a = i * 0.7 + 0.3
        rx = cx + math.cos(a) * (420 + (i % 3) * 60) * SS
        ry = cy + math.sin(a) * (420 + (i % 2) * 70) * SS + 120 * SS
        d.ellipse((rx - 12 * SS, ry - 20 * SS, rx + 12 * SS, ry + 20 * SS), fill=hexrgb("#fff6e0"))


def poster_living_circle(d, W, H):
    d.rectangle((0, 0, W, H), fill=hexrgb("#cfe9c6"))
    cx, cy = W / 2, H * 0.48
    d.ellipse((cx - 520 * SS, cy - 520 * SS, cx + 520 * SS, cy + 520 * SS), outline=hexrgb("#f3e2b3"), width=70 * SS)
    d.ellipse((cx - 170 * SS, cy - 170 * SS, cx + 170 * SS, cy + 170 * SS), fill=hexrgb("#9ccf8c"))
    d.ellipse((cx - 60 * SS, cy - 60 * SS, cx + 60 * SS, cy + 60 * SS), fill=hexrgb("#f7f3e3"))
    cols = ["#e76f51", "#2a9d8f", "#e9c46a", "#457b9d", "#f4a261", "#8e6fb5", "#d1495b", "#5c9e4a"]
    for i, c in enumerate(cols):
        a = math.radians(i * 45 - 90)
        hx, hy = cx + math.cos(a) * 520 * SS, cy + math.sin(a) * 520 * SS
        s = 95 * SS
        d.rectangle((hx - s * 0.8, hy - s * 0.3, hx + s * 0.8, hy + s), fill=hexrgb(c))
        d.polygon([(hx - s, hy - s * 0.25), (hx, hy - s * 1.1), (hx + s, hy - s * 0.25)], fill=shade(hexrgb(c), -0.15))
        d.rectangle((hx - s * 0.22, hy + s * 0.35, hx + s * 0.22, hy + s), fill=hexrgb("#fdf8ee"))
    d.line([(cx, cy + 170 * SS), (cx, cy + 520 * SS - 70 * SS)], fill=hexrgb("#f3e2b3"), width=40 * SS)
    d.line([(cx, cy + 600 * SS), (cx - 200 * SS, H - 80 * SS)], fill=hexrgb("#f3e2b3"), width=40 * SS)


def poster_good_people_2026(d, W, H):
    top, bottom = hexrgb("#13254d"), hexrgb("#2c4a86")
    for y in range(0, H, 4):
        t = y / H
        d.rectangle((0, y, W, y + 4), fill=tuple(round(top[i] + (bottom[i] - top[i]) * t) for i in range(3)))
    for k in range(22):
        sx = (k * 431 + 97) % W
        sy = (k * 263 + 41) % int(H * 0.35)
        r = (6 + k % 4 * 4) * SS
        d.polygon(poly_star(sx, sy, r, r * 0.45), fill=hexrgb("#fff3c4"))
    d.ellipse((W - 330 * SS, 120 * SS, W - 170 * SS, 280 * SS), fill=hexrgb("#fbeeb8"))
    ground = H * 0.82
    x = -20 * SS
    widths = [220, 180, 260, 200, 240, 190, 230]
    heights = [520, 700, 600, 820, 560, 680, 620]
    i = 0
    while x < W:
        w, h = widths[i % 7] * SS, heights[i % 7] * SS
        body = hexrgb("#1d2f5c") if i % 2 else hexrgb("#243a6e")
        d.rectangle((x, ground - h, x + w, ground), fill=body)
        for r in range(int(h / (90 * SS))):
            for c in range(int(w / (70 * SS))):
                lit = (i * 7 + r * 3 + c * 5) % 4 != 0
                wx, wy = x + 25 * SS + c * 70 * SS, ground - h + 30 * SS + r * 90 * SS
                if wy + 45 * SS < ground - 20 * SS and wx + 35 * SS < x + w:
                    d.rectangle((wx, wy, wx + 35 * SS, wy + 45 * SS), fill=hexrgb("#ffd66b") if lit else hexrgb("#3a528a"))
        x += w + 12 * SS
        i += 1
    d.rectangle((0, ground, W, H), fill=hexrgb("#0f1d3d"))
    for j, px in enumerate((0.22, 0.4, 0.47, 0.7, 0.83)):
        person(d, W * px, ground + 150 * SS, (150 + (j % 3) * 30) * SS, hexrgb("#f0e6cc"))


def poster_zebra_crossing(d, W, H):
    d.rectangle((0, 0, W, H), fill=hexrgb("#4a4f57"))
    # pavements left and right of the road, seen from above
    d.rectangle((0, 0, W * 0.1, H), fill=hexrgb("#d9d4c7"))
    d.rectangle((W * 0.9, 0, W, H), fill=hexrgb("#d9d4c7"))
    # lane line
    for y in range(0, H, 220 * SS):
        d.rectangle((W / 2 - 8 * SS, y, W / 2 + 8 * SS, y + 120 * SS), fill=hexrgb("#e8c547"))
    # zebra crossing: bars parallel to the traffic, across a band
    band_top, band_bot = H * 0.3, H * 0.56
    d.rectangle((W * 0.1, band_top - 20 * SS, W * 0.9, band_bot + 20 * SS), fill=hexrgb("#4a4f57"))
    x = W * 0.12
    while x < W * 0.88:
        d.rectangle((x, band_top, x + 50 * SS, band_bot), fill=hexrgb("#f6f6f2"))
        x += 95 * SS
    d.rectangle((W * 0.1, band_bot + 70 * SS, W * 0.9, band_bot + 90 * SS), fill=hexrgb("#f6f6f2"))  # stop line
    # car waiting below the stop line, nose towards the crossing
    cx, cy = W * 0.32, H * 0.8
    d.rounded_rectangle((cx - 170 * SS, cy - 300 * SS, cx + 170 * SS, cy + 300 * SS), radius=80 * SS, fill=hexrgb("#d9483b"))
    d.rounded_rectangle((cx - 135 * SS, cy - 180 * SS, cx + 135 * SS, cy - 80 * SS), radius=30 * SS, fill=hexrgb("#bfe0f0"))
    d.rounded_rectangle((cx - 135 * SS, cy + 150 * SS, cx + 135 * SS, cy + 220 * SS), radius=30 * SS, fill=hexrgb("#bfe0f0"))
    d.rounded_rectangle((cx - 140 * SS, cy - 70 * SS, cx + 140 * SS, cy + 140 * SS), radius=30 * SS, fill=hexrgb("#c23b30"))
    for sgn in (-1, 1):
        d.ellipse((cx + sgn * 110 * SS - 28 * SS, cy - 305 * SS, cx + sgn * 110 * SS + 28 * SS, cy - 265 * SS), fill=hexrgb("#fff2b0"))
    # adult and child crossing hand in hand
    fy = band_bot - 40 * SS
    person(d, W * 0.52, fy, 480 * SS, hexrgb("#f2b84b"), hexrgb("#f5cf86"))
    person(d, W * 0.66, fy, 300 * SS, hexrgb("#4aa3d8"), hexrgb("#8cc8ea"))
    d.line((W * 0.52 + 60 * SS, fy - 260 * SS, W * 0.66 - 35 * SS, fy - 165 * SS), fill=hexrgb("#f2b84b"), width=22 * SS)


def poster_lei_feng_month(d, W, H):
    d.rectangle((0, 0, W, H), fill=hexrgb("#d7302c"))
    d.ellipse((W / 2 - 620 * SS, H * 0.1, W / 2 + 620 * SS, H * 0.1 + 1240 * SS), fill=hexrgb("#de4a3e"))
    heart(d, W / 2, H * 0.33, 420 * SS, hexrgb("#ffffff"))
    cols = ["#f6c945", "#f39a4b", "#6cc2b5", "#f7e3c2", "#8fb6e8", "#f2a5b7", "#c9e37f"]
    n = len(cols)
    for i, c in enumerate(cols):
        bx = W * (0.12 + 0.76 * i / (n - 1))
        tx = W / 2 + (bx - W / 2) * 0.35
        ty = H * 0.5 + abs(i - 3) * 40 * SS
        d.line((bx, H + 50 * SS, tx, ty), fill=hexrgb(c), width=90 * SS)
        d.ellipse((tx - 70 * SS, ty - 90 * SS, tx + 70 * SS, ty + 50 * SS), fill=hexrgb(c))
        for f in range(4):
            fx = tx - 52 * SS + f * 35 * SS
            d.rounded_rectangle((fx - 13 * SS, ty - 150 * SS + abs(f - 1.5) * 18 * SS, fx + 13 * SS, ty - 40 * SS), radius=13 * SS, fill=hexrgb(c))


def poster_tomb_sweeping(d, W, H):
    d.rectangle((0, 0, W, H), fill=hexrgb("#d3e6df"))
    for k in range(40):
        x = (k * 173) % W
        y = (k * 389) % int(H * 0.9)
        d.line((x, y, x - 30 * SS, y + 90 * SS), fill=hexrgb("#b8d3ca"), width=4 * SS)
    for b in range(3):
        x0 = (0.15 + b * 0.3) * W
        pts = [(x0 + math.sin(t / 9) * 40 * SS, t * 22 * SS) for t in range(30)]
        d.line(pts, fill=hexrgb("#7fae8f"), width=6 * SS, joint="curve")
        for t in range(3, 30, 3):
            px, py = pts[t]
            d.ellipse((px - 10 * SS, py - 28 * SS, px + 10 * SS, py + 28 * SS), fill=hexrgb("#8fc09c"))
    vx, vy = W / 2, H * 0.72
    stems = [(-220, -520), (-80, -640), (60, -580), (200, -470), (-10, -430)]
    for i, (dx, dy) in enumerate(stems):
        fx, fy = vx + dx * SS, vy + dy * SS
        d.line((vx, vy, fx, fy), fill=hexrgb("#4f7f4d"), width=10 * SS)
        petal = hexrgb("#ffffff") if i % 2 == 0 else hexrgb("#f2d05e")
        for p in range(14):
            a = math.radians(p * 360 / 14)
            d.ellipse((fx + math.cos(a) * 55 * SS - 26 * SS, fy + math.sin(a) * 55 * SS - 26 * SS,
                       fx + math.cos(a) * 55 * SS + 26 * SS, fy + math.sin(a) * 55 * SS + 26 * SS), fill=petal)
        d.ellipse((fx - 40 * SS, fy - 40 * SS, fx + 40 * SS, fy + 40 * SS), fill=shade(petal, -0.1))
    d.polygon([(vx - 170 * SS, vy - 40 * SS), (vx + 170 * SS, vy - 40 * SS), (vx + 120 * SS, vy + 380 * SS), (vx - 120 * SS, vy + 380 * SS)],
              fill=hexrgb("#eef3ef"))
    d.rectangle((vx - 170 * SS, vy - 60 * SS, vx + 170 * SS, vy - 20 * SS), fill=hexrgb("#dfe8e2"))
    d.rectangle((0, vy + 380 * SS, W, H), fill=hexrgb("#bcd6cc"))


def poster_bend_down(d, W, H):
    d.rectangle((0, 0, W, H), fill=hexrgb("#a8d8f0"))
    d.ellipse((W * 0.62, H * 0.08, W * 0.62 + 260 * SS, H * 0.08 + 260 * SS), fill=hexrgb("#fff1b8"))
    d.rectangle((0, H * 0.5, W, H * 0.62), fill=hexrgb("#5da9d6"))
    for i in range(6):
        y = H * 0.52 + i * 30 * SS
        d.line((W * (0.1 + (i % 3) * 0.25), y, W * (0.25 + (i % 3) * 0.25), y), fill=hexrgb("#89c4e6"), width=8 * SS)
    d.rectangle((0, H * 0.62, W, H), fill=hexrgb("#8cc56a"))
    d.rectangle((W * 0.16, H * 0.3, W * 0.16 + 50 * SS, H * 0.66), fill=hexrgb("#7a5a3a"))
    d.ellipse((W * 0.16 - 200 * SS, H * 0.12, W * 0.16 + 250 * SS, H * 0.12 + 480 * SS), fill=hexrgb("#3f8f46"))
    hand = person(d, W * 0.52, H * 0.88, 620 * SS, hexrgb("#2d4f6b"), hexrgb("#f2c9a0"), bend=1.0)
    px, py = hand
    d.polygon([(px - 10 * SS, py + 10 * SS), (px + 70 * SS, py - 10 * SS), (px + 80 * SS, py + 45 * SS), (px, py + 60 * SS)], fill=hexrgb("#ffffff"))


def poster_new_year_dinner(d, W, H):
    d.rectangle((0, 0, W, H), fill=hexrgb("#9e1b20"))
    for k in range(6):
        d.ellipse((-200 * SS + k * 260 * SS, H * 0.9, 200 * SS + k * 260 * SS, H * 0.9 + 400 * SS), fill=hexrgb("#8a151a"))
    lx, ly = W * 0.78, H * 0.2
    d.line((lx, 0, lx, ly - 130 * SS), fill=hexrgb("#f3c969"), width=6 * SS)
    d.ellipse((lx - 130 * SS, ly - 140 * SS, lx + 130 * SS, ly + 140 * SS), fill=hexrgb("#e8342c"))
    for dy in (-140, 125):
        d.rectangle((lx - 70 * SS, ly + dy * SS, lx + 70 * SS, ly + (dy + 20) * SS), fill=hexrgb("#f3c969"))
    for k in range(5):
        d.line((lx - 30 * SS + k * 15 * SS, ly + 145 * SS, lx - 30 * SS + k * 15 * SS, ly + 260 * SS), fill=hexrgb("#f3c969"), width=5 * SS)
    tx, ty = W / 2, H * 0.62
    d.ellipse((tx - 520 * SS, ty - 240 * SS, tx + 520 * SS, ty + 240 * SS), fill=hexrgb("#6b3a22"))
    d.ellipse((tx - 500 * SS, ty - 260 * SS, tx + 500 * SS, ty + 210 * SS), fill=hexrgb("#f4e3c3"))
    dishes = [(-280, -60, "#e9a23b"), (0, -120, "#7fb069"), (280, -60, "#d9534f"), (-150, 80, "#f2d37c"), (150, 80, "#c27c4a")]
    for dx, dy, c in dishes:
        x, y = tx + dx * SS, ty + dy * SS
        d.ellipse((x - 110 * SS, y - 55 * SS, x + 110 * SS, y + 55 * SS), fill=hexrgb("#ffffff"))
        d.ellipse((x - 75 * SS, y - 35 * SS, x + 75 * SS, y + 30 * SS), fill=hexrgb(c))


def poster_core_values(d, W, H):
    d.rectangle((0, 0, W, H), fill=hexrgb("#c8322f"))
    sx, sy = W / 2, H * 0.4
    for k in range(12):
        a = math.radians(k * 30)
        a1, a2 = a - math.radians(5), a + math.radians(5)
        d.polygon([(sx + math.cos(a1) * 260 * SS, sy + math.sin(a1) * 260 * SS),
                   (sx + math.cos(a) * 520 * SS, sy + math.sin(a) * 520 * SS),
                   (sx + math.cos(a2) * 260 * SS, sy + math.sin(a2) * 260 * SS)], fill=hexrgb("#f6b93b"))
    d.ellipse((sx - 220 * SS, sy - 220 * SS, sx + 220 * SS, sy + 220 * SS), fill=hexrgb("#f9d45c"))
    d.polygon([(0, H * 0.72), (W * 0.3, H * 0.6), (W * 0.55, H * 0.72)], fill=hexrgb("#a82623"))
    d.polygon([(W * 0.4, H * 0.72), (W * 0.72, H * 0.56), (W, H * 0.7), (W, H * 0.72)], fill=hexrgb("#b32a27"))
    d.rectangle((0, H * 0.72, W, H), fill=hexrgb("#f3e3c0"))
    for i in range(6):
        y = H * 0.76 + i * 55 * SS
        pts = [(t * 20 * SS, y + math.sin(t * 0.5 + i) * 10 * SS) for t in range(W // (20 * SS) + 2)]
        d.line(pts, fill=hexrgb("#e2c48c"), width=8 * SS, joint="curve")


POSTERS = {
    "clean-plate-winter": poster_clean_plate_winter,
    "living-circle": poster_living_circle,
    "good-people-2026": poster_good_people_2026,
    "zebra-crossing": poster_zebra_crossing,
    "lei-feng-month": poster_lei_feng_month,
    "tomb-sweeping": poster_tomb_sweeping,
    "bend-down": poster_bend_down,
    "new-year-dinner": poster_new_year_dinner,
    "core-values": poster_core_values,
}


def poster_generic(d, W, H, stem):
    s = seed_of(stem)
    bg = hexrgb(FALLBACK_BG[s % len(FALLBACK_BG)])
    d.rectangle((0, 0, W, H), fill=bg)
    for k in range(5):
        r = (200 + k * 140) * SS
        d.ellipse((W / 2 - r, H / 2 - r, W / 2 + r, H / 2 + r), outline=shade(bg, -0.08 * (k % 2) + 0.05), width=40 * SS)
    heart(d, W / 2, H / 2, 300 * SS, shade(bg, -0.35))


def poster(stem: str) -> Image.Image:
    W, H = 1200 * SS, 1600 * SS
    img = Image.new("RGB", (W, H), (255, 255, 255))
    d = ImageDraw.Draw(img)
    fn = POSTERS.get(stem)
    if fn:
        fn(d, W, H)
    else:
        poster_generic(d, W, H, stem)
    return img.resize((1200, 1600), Image.LANCZOS)


# --------------------------------------------------------------------------- driver

def front_value(md: Path, key: str) -> str | None:
    text = md.read_text(encoding="utf-8")
    m = re.match(r"---\n(.*?)\n---", text, re.S)
    if not m:
        return None
    for line in m.group(1).splitlines():
        if line.startswith(key + ":"):
            return line.split(":", 1)[1].strip().strip("'\"") or None
    return None


def save(img: Image.Image, path: Path) -> int:
    q = JPEG["quality"]
    while True:
        img.save(path, "JPEG", **{**JPEG, "quality": q})
        size = path.stat().st_size
        if size <= MAX_BYTES or q <= 60:
            return size
        q -= 4


def jobs():
    for md in sorted((CONTENT / "role-models").glob("*.md")):
        if md.name.endswith(".en.md") or md.name.startswith("_"):
            continue
        photo = front_value(md, "photo")
        if photo:
            yield "portrait", md.stem, md.parent / photo
    for md in sorted((CONTENT / "ads").glob("*.md")):
        if md.name.endswith(".en.md") or md.name.startswith("_"):
            continue
        p = front_value(md, "poster")
        if p:
            yield "poster", md.stem, md.parent / p


def main(argv: list[str]) -> int:
    check = "--check" in argv
    n = 0
    for kind, stem, out in jobs():
        if check:
            print(f"{kind:8} {out.relative_to(ROOT)}")
            continue
        img = portrait(stem, spec_for(stem)) if kind == "portrait" else poster(stem)
        size = save(img, out)
        print(f"{kind:8} {out.relative_to(ROOT)}  {img.size[0]}x{img.size[1]}  {size // 1024} KB")
        n += 1
    if not check:
        print(f"{n} images written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
