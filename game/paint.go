//go:build js && wasm

package game

import (
	"cmp"
	"fmt"
	"image"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"

	"descent/assets"
	"descent/game/control"
	"descent/game/view"
	"descent/problems/expr"
)

// painter owns the GPU side: the field shaders, each view's picture of its
// field with the trails, and vertex buffers. Text is the page's (see
// game/legend): a font renderer would double the download.
type painter struct {
	shaders view.Cache[shaderKey, *ebiten.Shader] // by formula shape (Kage body) and mode
	layers  []layers                              // by view index

	ahead view.Ahead[shaderKey, *ebiten.Shader] // the first field's shader, compiled ahead (prepare)

	palette     *ebiten.Image // a field's colours by level, PaletteSize×1
	paletteRGBA []byte
	uniforms    map[string]any
	consts      []float32

	white   *ebiten.Image
	sprites sprites
	batch   view.Batch      // triangles being gathered for one draw
	vs      []ebiten.Vertex // the batch's, as ebiten takes them
	triOp   ebiten.DrawTrianglesOptions
	imgOp   ebiten.DrawImageOptions

	screen   view.Screen       // what the screen, which keeps the last frame, holds
	on       *ebiten.Image     // the screen drawn last
	added    []image.Rectangle // the reach of what compose added to the picture
	panes    []view.Pane
	copyMesh []view.Vertex // the damage's rectangles, in the view's pixels
	copyVs   []ebiten.Vertex
	copyIs   []uint16
	copyOp   ebiten.DrawTrianglesOptions
}

// layers are a view's cached pictures: its field with the trails drawn so far
// over it (picture: what the items are drawn over); the field alone, kept once
// the trails had to be drawn anew over a field that had not changed (field,
// current while fieldOK); and the screen's sub-image it is drawn into (ebiten
// allocates one per SubImage).
type layers struct {
	picture, field, dst *ebiten.Image
	fieldOK             bool
	screen              *ebiten.Image
	rect                image.Rectangle
}

// draw paints the frame, view by view. It returns an error, once per shader,
// when a field's shader does not compile: the learner is told, and the rest is
// still drawn.
func (p *painter) draw(screen *ebiten.Image, f *control.Frame) error {
	if p.white == nil {
		img := ebiten.NewImage(3, 3)
		img.Fill(color.White)
		p.white = img.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image)
		p.triOp.ColorScaleMode = ebiten.ColorScaleModePremultipliedAlpha
		p.shaders.Release = (*ebiten.Shader).Deallocate
	}
	for len(p.layers) < len(f.Views) {
		p.layers = append(p.layers, layers{})
	}
	p.panes = p.panes[:0]
	for i := range f.Views {
		p.panes = append(p.panes, view.Pane{Rect: f.Views[i].Rect, Pictured: f.Views[i].Field != nil || len(f.Views[i].Trails) > 0})
	}
	p.screen.Begin(p.panes, screen != p.on) // a new screen holds no last frame
	p.on = screen
	var err error
	for i := range f.Views {
		v, l := &f.Views[i], &p.layers[i]
		if l.dst == nil || l.screen != screen || l.rect != v.Rect {
			l.dst, l.screen, l.rect = screen.SubImage(v.Rect).(*ebiten.Image), screen, v.Rect
		}
		dst := l.dst
		ox, oy := float32(v.Rect.Min.X), float32(v.Rect.Min.Y)
		p.batch.TrackReach = p.panes[i].Pictured // only a view with a picture copies damage
		if p.screen.Clear(i) {
			dst.Clear()
		}
		if p.panes[i].Pictured {
			changed, e := p.compose(l, v, f.Retrail, 2*float32(f.DPR))
			if e != nil {
				err = e
			}
			p.copyPicture(dst, l.picture, i, changed, ox, oy)
		}
		for k := range v.Items {
			p.item(dst, i, &v.Items[k], float32(f.DPR), ox, oy)
		}
		p.drawBatch(dst)
	}
	for i := range f.Reads {
		p.read(&f.Reads[i])
	}
	return err
}

// read paints r's fields, one a point, in read-back mode, reads their pixels
// (inside the frame, where ebiten can) and hands them to r.Done.
func (p *painter) read(r *control.Read) {
	img := ebiten.NewImage(assets.RawPixels, 1)
	n, px, err := 4*assets.RawPixels, make([]byte, 4*assets.RawPixels*len(r.Fields)), error(nil)
	for i := range r.Fields {
		err = cmp.Or(err, p.paintField(img, &r.Fields[i]))
		img.ReadPixels(px[n*i : n*i+n])
	}
	img.Deallocate()
	r.Done(px, err)
}

// item adds one item of a view whose top left is at (ox, oy) to the batch,
// so that a run of lines and rectangles is one draw (ebiten allocates per
// draw); sprites, drawn from their own images, draw the batch before them,
// which keeps the items' order.
// Its reach, in the view's pixels, goes to p.screen, for the next frame to
// copy the picture over.
func (p *painter) item(dst *ebiten.Image, vi int, it *control.Item, s, ox, oy float32) {
	switch it.Kind {
	case control.Polyline:
		p.line(dst, it.Pts, it.Width, it.Color, ox, oy, view.Bevelled)
	case control.Curve:
		p.line(dst, it.Pts, it.Width, it.Color, ox, oy, view.Mitred)
	case control.Markers:
		p.drawBatch(dst)
		for i := 0; i+1 < len(it.Pts); i += 2 {
			x, y := ox+it.Pts[i], oy+it.Pts[i+1]
			p.sprites.draw(p, dst, it.Sprite, it.Shape, it.Color, s, x, y)
			h := view.SpriteHalf * s
			p.screen.Drew(vi, image.Rect(int(x-ox-h)-1, int(y-oy-h)-1, int(x-ox+h)+2, int(y-oy+h)+2))
		}
	case control.Rect:
		for !p.batch.Rect(it.Pts[0], it.Pts[1], it.Pts[2], it.Pts[3], it.Color, ox, oy) {
			p.drawBatch(dst)
		}
	}
	p.screen.Drew(vi, p.batch.TakeReach().Sub(image.Pt(int(ox), int(oy)))) // none for markers: theirs is drawn above
}

// line adds the polyline pts to the batch, drawing the batch whenever it is full.
func (p *painter) line(dst *ebiten.Image, pts []float32, width float32, c color.RGBA, ox, oy float32, m view.LineMesh) {
	for pts = p.batch.Line(pts, width, c, ox, oy, m); pts != nil; pts = p.batch.Line(pts, width, c, ox, oy, m) {
		p.drawBatch(dst)
	}
}

// fit returns img, or a new image, sized as r.
func fit(img *ebiten.Image, r image.Rectangle) *ebiten.Image {
	if img != nil && img.Bounds().Size() == r.Size() {
		return img
	}
	if img != nil {
		img.Deallocate()
	}
	return ebiten.NewImage(max(r.Dx(), 1), max(r.Dy(), 1))
}

// copyPicture brings view i's part of the screen up to its picture, over
// which the items are then drawn: all of it, or only its damage
// (view.Screen.Copy).
func (p *painter) copyPicture(dst, picture *ebiten.Image, i int, changed bool, ox, oy float32) {
	whole, rects := p.screen.Copy(i, changed, p.added)
	if whole {
		p.blit(dst, picture, ox, oy)
		return
	}
	if len(rects) == 0 {
		return
	}
	p.copyMesh, p.copyIs, p.copyVs = p.copyMesh[:0], p.copyIs[:0], p.copyVs[:0]
	for _, r := range rects {
		p.copyMesh, p.copyIs = view.Rect(p.copyMesh, p.copyIs, float32(r.Min.X), float32(r.Min.Y), float32(r.Dx()), float32(r.Dy()))
	}
	for _, v := range p.copyMesh { // from the picture's pixel to the same in the view
		p.copyVs = append(p.copyVs, ebiten.Vertex{DstX: ox + v.X, DstY: oy + v.Y, SrcX: v.X, SrcY: v.Y, ColorR: 1, ColorG: 1, ColorB: 1, ColorA: 1})
	}
	p.copyOp.Blend = ebiten.BlendCopy
	dst.DrawTriangles(p.copyVs, p.copyIs, picture, &p.copyOp)
}

func (p *painter) blit(dst, img *ebiten.Image, ox, oy float32) {
	p.imgOp.GeoM.Reset()
	p.imgOp.GeoM.Translate(float64(ox), float64(oy))
	dst.DrawImage(img, &p.imgOp)
}

// prepare compiles the colouring field shader for body while ebiten starts,
// on a goroutine of its own, which runs while the main thread waits for the
// first animation frame: the first frame then finds it compiled (its Draw some
// 10–20 ms shorter in headless Chromium). Should that frame come first, it
// compiles its own and this one is dropped; one that does not compile is left
// for that frame to report.
func (p *painter) prepare(body string) {
	key := shaderKey{body: body}
	if !p.ahead.Open() {
		return
	}
	if sh, err := key.compile(); err == nil && !p.ahead.Offer(key, sh) {
		sh.Deallocate()
	}
}

// takeAhead returns the shader prepare compiled, if it is key's: from the
// first field on, shaders are compiled as fields need them.
func (p *painter) takeAhead(key shaderKey) *ebiten.Shader {
	k, sh, ok := p.ahead.Take()
	if ok && k != key {
		sh.Deallocate()
		return nil
	}
	return sh
}

// shaderKey names a field shader: its formula's shape, and whether it reads
// back (assets.FieldShader).
type shaderKey struct {
	body     string
	readback bool
}

// compile compiles the field shader k names.
func (k shaderKey) compile() (*ebiten.Shader, error) {
	return ebiten.NewShader(assets.FieldShader(expr.HelpersFor(k.body), k.body, k.readback))
}

// paintField runs the field shader for fd over the whole of dst, which is
// fd's size. The shader is compiled once per shape of formula and mode
// (colouring or read-back): a problem's parameters are uniforms (Consts), so a
// slider drag compiles nothing. A shader that does not compile is an error,
// once, and leaves dst the background. The shader writes every pixel opaque,
// so dst is not cleared first: on a software GPU that is a pass over every
// pixel, each time the view moves.
func (p *painter) paintField(dst *ebiten.Image, fd *control.Field) error {
	body, consts := fd.ShaderBody()
	sh, err := p.shader(shaderKey{body, fd.Raw})
	if sh == nil {
		dst.Fill(view.Background)
		return err
	}
	if p.palette == nil {
		p.palette = ebiten.NewImage(view.PaletteSize, 1)
		p.paletteRGBA = make([]byte, 4*view.PaletteSize)
		p.consts, p.uniforms = make([]float32, assets.MaxConsts), map[string]any{}
	}
	fd.Levels.Palette(p.paletteRGBA)
	p.palette.WritePixels(p.paletteRGBA)
	fd.Uniforms(p.uniforms, p.consts, consts)
	op := &ebiten.DrawTrianglesShaderOptions{Uniforms: p.uniforms}
	op.Images[0] = p.palette
	// A rectangle over the whole field; the shader reads the palette by its own
	// coordinates, so the vertices' source positions only need to lie in it.
	p.batch.Rect(0, 0, float32(fd.Geo.W), float32(fd.Geo.H), color.RGBA{0xff, 0xff, 0xff, 0xff}, 0, 0)
	dst.DrawTrianglesShader(p.vertices(), p.batch.Is, sh, op)
	p.batch.Reset()     // the batch is the items' again,
	p.batch.TakeReach() // and its reach theirs
	return nil
}

// shader returns the field shader key names, compiled once. One that does
// not compile is nil, with an error the first time only.
func (p *painter) shader(key shaderKey) (*ebiten.Shader, error) {
	sh, _, err := p.shaders.Get(key, func() (*ebiten.Shader, error) {
		if sh := p.takeAhead(key); sh != nil {
			return sh, nil
		}
		return key.compile()
	})
	if err != nil {
		return nil, fmt.Errorf("the field of this surface could not be drawn (%v); the race still runs", err)
	}
	return sh, nil
}

// compose keeps l.picture the view's field with its trails drawn onto it
// (view.Recompose). It reports whether the picture changed whole; otherwise
// p.added holds the reach of what the trails added.
func (p *painter) compose(l *layers, v *control.View, retrail bool, width float32) (whole bool, err error) {
	resized := l.picture == nil || l.picture.Bounds().Size() != v.Rect.Size()
	how := view.RecomposeFor(v.Field != nil, v.Field != nil && v.Field.Stale, resized, retrail, len(v.Trails) > 0)
	if how != view.AddTrails {
		l.picture, whole = fit(l.picture, v.Rect), true
	}
	switch how {
	case view.PaintField:
		err = p.paintField(l.picture, v.Field)
		l.fieldOK = false
	case view.FromBackground:
		l.picture.Fill(view.Background)
	case view.FromField:
		if !l.fieldOK { // a new size is a changed field, which cleared fieldOK
			l.field = fit(l.field, v.Rect)
			err = p.paintField(l.field, v.Field)
			l.fieldOK = true
		}
		p.blit(l.picture, l.field, 0, 0)
	}
	p.trails(l.picture, v.Trails, width)
	return whole, err
}

// trails draws what each trail adds, feathered (view.Soft), in as few draws
// as the batch allows, each vertex in its trail's colour. ebiten's
// anti-aliasing would render each draw in an offscreen buffer twice the size
// of its vertices' bounds, made anew whenever those move: every frame, for
// every runner.
// Each trail's reach goes to p.added: one rectangle for all would span the
// view between two balls far apart.
func (p *painter) trails(dst *ebiten.Image, ts []control.Trail, width float32) {
	p.added = p.added[:0]
	for _, t := range ts {
		p.line(dst, t.Pts, width, t.Color, 0, 0, view.Soft)
		p.added = append(p.added, p.batch.TakeReach())
	}
	p.drawBatch(dst)
}

// drawBatch draws the batch and empties it.
func (p *painter) drawBatch(dst *ebiten.Image) {
	if len(p.batch.Is) > 0 {
		dst.DrawTriangles(p.vertices(), p.batch.Is, p.white, &p.triOp)
	}
	p.batch.Reset()
}

// vertices are the batch's as ebiten takes them, reading the white pixel.
func (p *painter) vertices() []ebiten.Vertex {
	p.vs = p.vs[:0]
	for _, v := range p.batch.Vs {
		p.vs = append(p.vs, ebiten.Vertex{DstX: v.X, DstY: v.Y, SrcX: 1, SrcY: 1, ColorR: v.R, ColorG: v.G, ColorB: v.B, ColorA: v.A})
	}
	return p.vs
}
