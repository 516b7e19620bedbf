//go:build js && wasm

package game

import (
	"bytes"
	"fmt"
	"image"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
	"golang.org/x/image/font/gofont/goregular"

	"descent/assets"
	"descent/game/race"
	"descent/game/view"
	"descent/problems"
	"descent/problems/expr"
)

// hint names the keys and the click, for a learner who has not read anything.
const hint = "click: start here    space: pause / play    →: one step    r: reset"

// painter owns the GPU side: the field shader and image, fonts, and vertex buffers.
type painter struct {
	frame frame

	shader    *ebiten.Shader
	shaderFor *problems.Problem
	shaderErr error
	field     *ebiten.Image

	faceSrc *text.GoTextFaceSource
	white   *ebiten.Image
	vs      []ebiten.Vertex
	is      []uint16
}

var (
	background = color.RGBA{0x18, 0x18, 0x1c, 0xff}
	ink        = color.RGBA{0xf2, 0xf2, 0xf2, 0xff}
	dimInk     = color.RGBA{0xb8, 0xb8, 0xc0, 0xff}
	panelFill  = color.RGBA{0x10, 0x10, 0x14, 0xd0}
	warnInk    = color.RGBA{0xff, 0xb3, 0x40, 0xff}
	divergeInk = color.RGBA{0xff, 0x6b, 0x6b, 0xff}
)

func (p *painter) draw(screen *ebiten.Image, f *frame) {
	if p.faceSrc == nil {
		src, err := text.NewGoTextFaceSource(bytes.NewReader(goregular.TTF))
		if err != nil {
			panic(err) // the embedded font is part of the program
		}
		p.faceSrc = src
		img := ebiten.NewImage(3, 3)
		img.Fill(color.White)
		p.white = img.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image)
	}
	if f.refield || p.field == nil || p.field.Bounds().Dx() != f.view.W || p.field.Bounds().Dy() != f.view.H {
		p.paintField(f)
	}
	screen.DrawImage(p.field, nil)

	s := float32(f.dpr)
	for i := range f.runners {
		p.stroke(screen, f.runners[i].trail, 2*s, f.runners[i].color, 0.85)
	}
	vector.StrokeCircle(screen, f.start[0], f.start[1], 6*s, 1.5*s, ink, true)
	vector.StrokeLine(screen, f.start[0]-9*s, f.start[1], f.start[0]+9*s, f.start[1], 1*s, ink, true)
	vector.StrokeLine(screen, f.start[0], f.start[1]-9*s, f.start[0], f.start[1]+9*s, 1*s, ink, true)
	for i := range f.runners {
		r := &f.runners[i]
		vector.DrawFilledCircle(screen, r.x, r.y, 6*s, r.color, true)
		vector.StrokeCircle(screen, r.x, r.y, 6*s, 1.5*s, color.Black, true)
		if r.status == race.Diverged {
			vector.StrokeLine(screen, r.x-5*s, r.y-5*s, r.x+5*s, r.y+5*s, 2*s, color.Black, true)
			vector.StrokeLine(screen, r.x-5*s, r.y+5*s, r.x+5*s, r.y-5*s, 2*s, color.Black, true)
		}
	}
	p.legend(screen, f)
}

// paintField runs the field shader into the cached field image.
func (p *painter) paintField(f *frame) {
	if p.field == nil || p.field.Bounds().Dx() != f.view.W || p.field.Bounds().Dy() != f.view.H {
		if p.field != nil {
			p.field.Deallocate()
		}
		p.field = ebiten.NewImage(max(f.view.W, 1), max(f.view.H, 1))
	}
	if p.shaderFor != f.problem {
		if p.shader != nil {
			p.shader.Deallocate()
		}
		p.shader, p.shaderErr = ebiten.NewShader(assets.FieldShader(expr.KageHelpers, f.problem.Expr.Kage()))
		p.shaderFor = f.problem
	}
	p.field.Fill(background)
	if p.shaderErr != nil {
		return
	}
	lv := f.levels
	log := float32(0)
	if lv.Log {
		log = 1
	}
	var q [view.QuantileCount + 1]float32
	for i, v := range lv.Quantiles {
		q[i] = float32(v)
	}
	op := &ebiten.DrawRectShaderOptions{Uniforms: map[string]any{
		"Quantiles": q[:],
		"Center":    []float32{float32(f.view.CX), float32(f.view.CY)},
		"Scale":     float32(f.view.Scale),
		"Log":       log,
		"FMin":      float32(lv.FMin),
		"Eps":       float32(lv.Eps),
		"LMin":      float32(lv.LMin),
		"LMax":      float32(lv.LMax),
		"Step":      float32(lv.Step),
	}}
	p.field.DrawRectShader(f.view.W, f.view.H, p.shader, op)
}

// stroke draws the polyline pts (x, y pairs) in one batch.
func (p *painter) stroke(dst *ebiten.Image, pts []float32, width float32, c color.RGBA, alpha float32) {
	if len(pts) < 4 {
		return
	}
	var path vector.Path
	path.MoveTo(pts[0], pts[1])
	for i := 2; i < len(pts); i += 2 {
		path.LineTo(pts[i], pts[i+1])
	}
	p.vs, p.is = path.AppendVerticesAndIndicesForStroke(p.vs[:0], p.is[:0], &vector.StrokeOptions{
		Width: width, LineJoin: vector.LineJoinRound, LineCap: vector.LineCapRound,
	})
	r, g, b := float32(c.R)/255*alpha, float32(c.G)/255*alpha, float32(c.B)/255*alpha
	for i := range p.vs {
		v := &p.vs[i]
		v.SrcX, v.SrcY = 1, 1
		v.ColorR, v.ColorG, v.ColorB, v.ColorA = r, g, b, alpha
	}
	op := &ebiten.DrawTrianglesOptions{AntiAlias: true, ColorScaleMode: ebiten.ColorScaleModePremultipliedAlpha}
	dst.DrawTriangles(p.vs, p.is, p.white, op)
}

// legend draws the box naming each runner with its colour, loss and status, the
// step counter, notes about the last change, and the key hints.
func (p *painter) legend(dst *ebiten.Image, f *frame) {
	s := f.dpr
	face := &text.GoTextFace{Source: p.faceSrc, Size: 14 * s}
	small := &text.GoTextFace{Source: p.faceSrc, Size: 12 * s}
	pad, row := 10*s, 22*s

	title := f.problem.Title
	status := fmt.Sprintf("step %d", f.step)
	if f.paused {
		status += " · paused"
	}
	boxW := 380 * s
	boxH := pad*2 + row*float64(len(f.runners)+2)
	// Top right: starts are usually at the left and minima in the middle.
	left := float64(dst.Bounds().Dx()) - 8*s - boxW
	vector.DrawFilledRect(dst, float32(left), float32(8*s), float32(boxW), float32(boxH), panelFill, false)
	x0, y := left+pad, 8*s+pad
	p.text(dst, title, face, x0, y, ink)
	p.text(dst, status, face, left+boxW-pad-textWidth(status, face), y, dimInk)
	y += row
	p.text(dst, "f(x, y) = "+f.problem.Formula, small, x0, y+2*s, dimInk)
	for i := range f.runners {
		r := &f.runners[i]
		y += row
		vector.DrawFilledCircle(dst, float32(x0+6*s), float32(y+8*s), float32(6*s), r.color, true)
		vector.StrokeCircle(dst, float32(x0+6*s), float32(y+8*s), float32(6*s), float32(s), color.Black, true)
		p.text(dst, r.name, face, x0+18*s, y, ink)
		var st string
		c := dimInk
		switch r.status {
		case race.Running:
			st = r.loss
		case race.Converged:
			st = fmt.Sprintf("%s  converged at step %d", r.loss, r.at)
		case race.Diverged:
			st, c = fmt.Sprintf("diverged at step %d", r.at), divergeInk
		}
		p.text(dst, st, face, left+boxW-pad-textWidth(st, face), y, c)
	}

	// The key hints and the notes about the last change, bottom left on a backdrop.
	lines := len(f.notes) + 1
	h := float64(dst.Bounds().Dy())
	noteW := textWidth(hint, small)
	for _, n := range f.notes {
		noteW = max(noteW, textWidth(n, small))
	}
	top := h - 8*s - pad*2 + 4*s - 18*s*float64(lines)
	vector.DrawFilledRect(dst, float32(8*s), float32(top), float32(noteW+2*pad), float32(h-8*s-top), panelFill, false)
	y = top + pad - 2*s
	for _, n := range f.notes {
		p.text(dst, n, small, 8*s+pad, y, warnInk)
		y += 18 * s
	}
	p.text(dst, hint, small, 8*s+pad, y, dimInk)
}

func (p *painter) text(dst *ebiten.Image, s string, face *text.GoTextFace, x, y float64, c color.Color) {
	op := &text.DrawOptions{}
	op.GeoM.Translate(x, y)
	op.ColorScale.ScaleWithColor(c)
	text.Draw(dst, s, face, op)
}

func textWidth(s string, face *text.GoTextFace) float64 {
	w, _ := text.Measure(s, face, 0)
	return w
}
