#!/usr/bin/env python3
"""
Builds assets/fonts/CwSansSC-Regular.ttf, the one font every report embeds: Noto Sans SC Regular
2.004 (Google Fonts build, SIL OFL 1.1, from the npm package @expo-google-fonts/noto-sans-sc),
cut down to the full GBK repertoire plus Latin, punctuation, arrows, maths, box drawing, enclosed
numbers and full-width forms, with hinting removed. Noto Sans SC has no glyph for one GBK
character, ≒ (U+2252, GBK A850); it is added here as a composite of the font's own ＝ and two
full stops. The floor brackets ⌊ ⌋ (U+230A/B), which the engine's explanations print, are drawn
from the font's "[" and "|". Renamed "CwSans SC" (a Modified Version under the OFL; the Reserved Font Name
"Source" is not used). Needs Debian's python3-fonttools; run scripts/make-font.sh, not this.

usage: make-font.py SOURCE.ttf OUT.ttf COVERAGE.json
"""
import json
import sys
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph, GlyphComponent
from fontTools import subset
from fontTools.pens.ttGlyphPen import TTGlyphPen

src, out, coverage_out = sys.argv[1], sys.argv[2], sys.argv[3]

cps = set()
for hi in range(0x81, 0xFF):
    for lo in range(0x40, 0xFF):
        if lo == 0x7F:
            continue
        try:
            s = bytes([hi, lo]).decode('gb18030')  # the GBK two-byte area (GB 18030 is its superset)
        except UnicodeDecodeError:
            continue
        if len(s) == 1 and not (0xE000 <= ord(s) <= 0xF8FF):  # GBK's user-defined areas map to PUA: skipped
            cps.add(ord(s))
gbk = set(cps)
for a, b in [(0x20, 0x7E), (0xA0, 0x17F), (0x2000, 0x206F), (0x2100, 0x22FF), (0x2460, 0x24FF),
             (0x2300, 0x23FF), (0x2500, 0x25FF), (0x2600, 0x26FF), (0x2700, 0x27BF), (0x3000, 0x303F), (0xFF00, 0xFFEF)]:
    cps.update(range(a, b + 1))

options = subset.Options()
options.hinting = False
options.layout_features = ['*']
options.name_IDs = ['*']
options.name_languages = ['*']
options.notdef_outline = True
options.glyph_names = False
font = TTFont(src)
sub = subset.Subsetter(options=options)
sub.populate(unicodes=sorted(cps))
sub.subset(font)

# ≒ U+2252: ＝ with a dot above left and a dot below right.
cmap = font.getBestCmap()
if 0x2252 not in cmap:
    glyf, hmtx = font['glyf'], font['hmtx']
    eq, dot = cmap[0xFF1D], cmap[0x2E]
    e, d = glyf[eq], glyf[dot]
    e.recalcBounds(glyf)
    d.recalcBounds(glyf)
    dw, dh = d.xMax - d.xMin, d.yMax - d.yMin
    comps = []
    for name, x, y in [(eq, 0, 0), (dot, e.xMin - d.xMin - dw // 4, e.yMax - d.yMin + dh // 2), (dot, e.xMax - d.xMax + dw // 4, e.yMin - d.yMax - dh // 2)]:
        c = GlyphComponent()
        c.glyphName, c.x, c.y, c.flags = name, int(x), int(y), 0
        comps.append(c)
    comps[0].flags = 0x0200  # USE_MY_METRICS
    g = Glyph()
    g.numberOfContours = -1
    g.components = comps
    new = 'uni2252'
    order = font.getGlyphOrder() + [new]
    font.setGlyphOrder(order)
    glyf.glyphOrder = order
    glyf.glyphs[new] = g
    g.recalcBounds(glyf)
    hmtx.metrics[new] = hmtx.metrics[eq]
    if 'vmtx' in font:
        font['vmtx'].metrics[new] = font['vmtx'].metrics[eq]
    for table in font['cmap'].tables:
        if table.isUnicode():
            table.cmap[0x2252] = new
    font['maxp'].numGlyphs = len(order)

# ⌊ ⌋ (U+230A/B, floor brackets the engine's explanation uses: "⌊有效年限 ÷ 3⌋"): Noto Sans SC has
# none, so they are drawn here from the font's own "[" and "|": the bracket's height and width,
# the bar's stem, with only the bottom foot.
def add_glyph(cp, name, draw, like):
    glyf, hmtx = font['glyf'], font['hmtx']
    pen = TTGlyphPen(None)
    draw(pen)
    g = pen.glyph()
    order = font.getGlyphOrder() + [name]
    font.setGlyphOrder(order)
    glyf.glyphOrder = order
    glyf.glyphs[name] = g
    g.recalcBounds(glyf)
    hmtx.metrics[name] = (hmtx.metrics[like][0], g.xMin)
    if 'vmtx' in font:
        font['vmtx'].metrics[name] = font['vmtx'].metrics[like]
    for table in font['cmap'].tables:
        if table.isUnicode():
            table.cmap[cp] = name
    font['maxp'].numGlyphs = len(order)

def rect(pen, x0, y0, x1, y1):
    pen.moveTo((x0, y0)); pen.lineTo((x0, y1)); pen.lineTo((x1, y1)); pen.lineTo((x1, y0)); pen.closePath()

cmap = font.getBestCmap()
if 0x230A not in cmap:
    glyf = font['glyf']
    br, bar = glyf[cmap[0x5B]], glyf[cmap[0x7C]]
    br.recalcBounds(glyf)
    bar.recalcBounds(glyf)
    stem = bar.xMax - bar.xMin
    x0, x1, y0, y1 = br.xMin, br.xMax, br.yMin, br.yMax
    adv = font['hmtx'].metrics[cmap[0x5B]][0]
    add_glyph(0x230A, 'uni230A', lambda pen: (rect(pen, x0, y0 + stem, x0 + stem, y1), rect(pen, x0, y0, x1, y0 + stem)), cmap[0x5B])
    add_glyph(0x230B, 'uni230B', lambda pen: (rect(pen, adv - x0 - stem, y0 + stem, adv - x0, y1), rect(pen, adv - x1, y0, adv - x0, y0 + stem)), cmap[0x5B])

missing = sorted(c for c in gbk if c not in font.getBestCmap())
if missing:
    sys.exit('GBK characters without a glyph: ' + ' '.join('U+%04X' % c for c in missing))

family, ps = 'CwSans SC', 'CwSansSC-Regular'
name = font['name']
name.names = [rec for rec in name.names if rec.platformID == 3 and rec.nameID not in (16, 17, 21, 22, 25)]
for nid, text in {
    1: family, 2: 'Regular', 3: 'cwkit;' + ps, 4: family + ' Regular', 6: ps,
    10: 'Noto Sans SC 2.004 (Google Fonts), subset to GBK for cwkit reports; U+2252 added. SIL Open Font License 1.1.',
}.items():
    name.setName(text, nid, 3, 1, 0x409)
font.save(out)
print(f'{out}: {len(font.getGlyphOrder())} glyphs, {len(gbk)} GBK characters, all covered')

# The code points the font maps, as [first, last] ranges: the reports check every string against
# this before rendering (src/reports/coverage.ts), without loading the font itself.
ranges = []
for cp in sorted(font.getBestCmap()):
    if ranges and ranges[-1][1] == cp - 1:
        ranges[-1][1] = cp
    else:
        ranges.append([cp, cp])
with open(coverage_out, 'w') as fh:
    json.dump({'font': ps, 'ranges': ranges}, fh, separators=(',', ':'))
    fh.write('\n')
print(f'{coverage_out}: {len(ranges)} ranges')
