//go:build js && wasm

package game

import (
	"fmt"
	"image"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"

	"descent/assets"
	"descent/game/control"
	"descent/game/race"
	"descent/game/view"
	"descent/problems/expr"
)

// painter owns the GPU side: the field shader and image, and vertex buffers. Text
// is the page's (see game/legend): a font renderer would double the download.
type painter struct {
	shader    *ebiten.Shader
	shaderFor string // the Kage source it was compiled from
	shaderErr error
	compiles  int // shaders compiled so far, for metrics
	field     *ebiten.Image
	trails    *ebiten.Image // the trails drawn so far, extended each frame

	palette     *ebiten.Image // the field's colours by level, PaletteSize×1
	paletteRGBA []byte

	white   *ebiten.Image
	sprites sprites
	mesh    []view.Vertex // triangles being built, in screen pixels
	vs      []ebiten.Vertex
	is      []uint16
	triOp   ebiten.DrawTrianglesOptions
}

var (
	background = color.RGBA{0x18, 0x18, 0x1c, 0xff}
	ink        = color.RGBA{0xf2, 0xf2, 0xf2, 0xff}
	chartFill  = color.RGBA{0x10, 0x10, 0x14, 0xd6}
	chartGrid  = color.RGBA{0x50, 0x50, 0x58, 0xff}
)

// draw paints the frame, view by view. It returns an error, once, when the
// field's shader does not compile: the learner is told, and the rest is still drawn.
func (p *painter) draw(screen *ebiten.Image, f *control.Frame) error {
	if p.white == nil {
		img := ebiten.NewImage(3, 3)
		img.Fill(color.White)
		p.white = img.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image)
	}
	var err error
	for _, v := range f.Views {
		dst := screen.SubImage(v.Rect).(*ebiten.Image)
		switch v.Kind {
		case control.FieldView:
			err = p.drawField(dst, f)
		case control.ChartView:
			p.drawChart(dst, f)
		}
	}
	return err
}

// drawField draws the field, the trails, the reference path, the start and the balls.
func (p *painter) drawField(dst *ebiten.Image, f *control.Frame) error {
	var err error
	if f.Refield || p.field == nil || p.field.Bounds().Dx() != f.Field.W || p.field.Bounds().Dy() != f.Field.H {
		err = p.paintField(f)
	}
	dst.DrawImage(p.field, nil)
	s := float32(f.DPR)
	if p.trails == nil || p.trails.Bounds() != p.field.Bounds() {
		if p.trails != nil {
			p.trails.Deallocate()
		}
		p.trails = ebiten.NewImage(p.field.Bounds().Dx(), p.field.Bounds().Dy())
	} else if f.Retrail {
		p.trails.Clear()
	}
	for i := range f.Runners {
		p.stroke(p.trails, f.Runners[i].Trail, 2*s, f.Runners[i].Color, true)
	}
	dst.DrawImage(p.trails, nil)
	p.drawReference(dst, f.Reference, s)
	p.sprites.draw(dst, startSprite, ink, s, f.Start[0], f.Start[1])
	for i := range f.Runners {
		r := &f.Runners[i]
		kind := ballSprite
		if r.Status == race.Diverged {
			kind = divergedSprite
		}
		p.sprites.drawShape(dst, kind, r.Shape, r.Color, s, r.X, r.Y)
	}
	return err
}

// drawReference draws the reference path: a thin line with a dot at each major
// iteration (each one a whole line search) and a hollow ball at the last.
func (p *painter) drawReference(dst *ebiten.Image, pts []float32, s float32) {
	if len(pts) < 2 {
		return
	}
	p.stroke(dst, pts, 1.2*s, view.ReferenceColor, false)
	for i := 0; i+1 < len(pts); i += 2 {
		p.sprites.draw(dst, dotSprite, view.ReferenceColor, s, pts[i], pts[i+1])
	}
	n := len(pts)
	p.sprites.draw(dst, referenceSprite, view.ReferenceColor, s, pts[n-2], pts[n-1])
}

// drawChart draws the loss chart's box, decade lines and curves into its
// view; its words are the page's (legend.ChartLabels).
func (p *painter) drawChart(dst *ebiten.Image, f *control.Frame) {
	c, r, s := &f.Chart, dst.Bounds(), float32(f.DPR)
	x, y, w, h := float32(r.Min.X), float32(r.Min.Y), float32(r.Dx()), float32(r.Dy())
	p.mesh, p.is = view.Rect(p.mesh[:0], p.is[:0], x, y, w, h)
	p.fill(dst, chartFill, false)
	p.mesh, p.is = p.mesh[:0], p.is[:0]
	for _, dy := range c.Decades {
		p.mesh, p.is = view.Rect(p.mesh, p.is, x, dy-0.5, w, 1)
	}
	p.fill(dst, chartGrid, false)
	p.stroke(dst, c.Reference, 1.2*s, view.ReferenceColor, false)
	for i, pts := range c.Curves {
		p.stroke(dst, pts, 1.5*s, f.Runners[i].Color, false)
	}
}

// paintField runs the field shader into the cached field image. It returns the
// shader's compile error the first time it happens.
func (p *painter) paintField(f *control.Frame) error {
	if p.field == nil || p.field.Bounds().Dx() != f.Field.W || p.field.Bounds().Dy() != f.Field.H {
		if p.field != nil {
			p.field.Deallocate()
		}
		p.field = ebiten.NewImage(max(f.Field.W, 1), max(f.Field.H, 1))
	}
	if src := f.Problem.Expr.Kage(); src != p.shaderFor {
		if p.shader != nil {
			p.shader.Deallocate()
		}
		p.shader, p.shaderErr = ebiten.NewShader(assets.FieldShader(expr.KageHelpers, src))
		p.shaderFor = src
		p.compiles++
		if p.shaderErr != nil {
			p.field.Fill(background)
			return fmt.Errorf("the field of this surface could not be drawn (%v); the race still runs", p.shaderErr)
		}
	}
	p.field.Fill(background)
	if p.shaderErr != nil {
		return nil
	}
	lv := f.Levels
	log := float32(0)
	if lv.Log {
		log = 1
	}
	if p.palette == nil {
		p.palette = ebiten.NewImage(view.PaletteSize, 1)
		p.paletteRGBA = make([]byte, 4*view.PaletteSize)
	}
	lv.Palette(p.paletteRGBA)
	p.palette.WritePixels(p.paletteRGBA)
	op := &ebiten.DrawTrianglesShaderOptions{Uniforms: map[string]any{
		"Center":      []float32{float32(f.Field.CX), float32(f.Field.CY)},
		"Scale":       float32(f.Field.Scale),
		"Log":         log,
		"FMin":        float32(lv.FMin),
		"Eps":         float32(lv.Eps),
		"LMin":        float32(lv.LMin),
		"LMax":        float32(lv.LMax),
		"Step":        float32(lv.Step),
		"PaletteSize": float32(view.PaletteSize),
	}}
	op.Images[0] = p.palette
	// A rectangle over the whole field; the shader reads the palette by its own
	// coordinates, so the vertices' source positions only need to lie in it.
	w, h := float32(f.Field.W), float32(f.Field.H)
	vs := []ebiten.Vertex{
		{DstX: 0, DstY: 0, SrcX: 0, SrcY: 0, ColorR: 1, ColorG: 1, ColorB: 1, ColorA: 1},
		{DstX: w, DstY: 0, SrcX: 1, SrcY: 0, ColorR: 1, ColorG: 1, ColorB: 1, ColorA: 1},
		{DstX: 0, DstY: h, SrcX: 0, SrcY: 1, ColorR: 1, ColorG: 1, ColorB: 1, ColorA: 1},
		{DstX: w, DstY: h, SrcX: 1, SrcY: 1, ColorR: 1, ColorG: 1, ColorB: 1, ColorA: 1},
	}
	p.field.DrawTrianglesShader(vs, []uint16{0, 1, 2, 1, 2, 3}, p.shader, op)
	return nil
}

// stroke draws the polyline pts (x, y pairs) in one batch, opaque, so that a
// trail extended piece by piece shows no seams where pieces overlap; antialias
// smooths the edges (an offscreen pass: for the trail layer, drawn once a step).
func (p *painter) stroke(dst *ebiten.Image, pts []float32, width float32, c color.RGBA, antialias bool) {
	for len(pts) >= 4 {
		// A polyline longer than one batch's indices reach goes in pieces that share a point.
		n := min(len(pts), 2*(1<<16/7))
		p.mesh, p.is = view.Stroke(p.mesh[:0], p.is[:0], pts[:n], width)
		p.fill(dst, c, antialias)
		if n == len(pts) {
			break
		}
		pts = pts[n-2:]
	}
}

// fill draws the triangles of p.mesh and p.is in c.
func (p *painter) fill(dst *ebiten.Image, c color.RGBA, antialias bool) {
	// color.RGBA is alpha-premultiplied, as the colour scale mode says.
	r, g, b, a := float32(c.R)/255, float32(c.G)/255, float32(c.B)/255, float32(c.A)/255
	p.vs = p.vs[:0]
	for _, m := range p.mesh {
		p.vs = append(p.vs, ebiten.Vertex{DstX: m.X, DstY: m.Y, SrcX: 1, SrcY: 1, ColorR: r, ColorG: g, ColorB: b, ColorA: a})
	}
	p.triOp.AntiAlias = antialias
	p.triOp.ColorScaleMode = ebiten.ColorScaleModePremultipliedAlpha
	dst.DrawTriangles(p.vs, p.is, p.white, &p.triOp)
}
