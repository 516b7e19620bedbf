package view

import "slices"

// SpriteKind is a small picture drawn every frame, rasterised once per colour
// and scale: a runner's ball, the reference path's, the start.
type SpriteKind int

const (
	BallSprite      SpriteKind = iota // a runner's ball, in its shape
	DivergedSprite                    // a runner's ball, crossed out
	ReferenceSprite                   // the reference path's hollow ball
	DotSprite                         // a dot on the reference path
	StartSprite                       // the start's cross-hair
)

// SpriteHalf is half a sprite's side, in CSS pixels.
const SpriteHalf = 10

// SpriteLayer is one colour of a sprite: triangles in pixels of a sprite
// 2·SpriteHalf·scale wide, drawn in the sprite's colour or, when Black, in black.
type SpriteLayer struct {
	Vs    []Vertex
	Is    []uint16
	Black bool
}

// circleCorners is how many corners a circle is drawn with: smooth at the
// sizes sprites have.
const circleCorners = 32

// SpriteLayers returns the layers of a sprite, bottom first.
func SpriteLayers(kind SpriteKind, shape Shape, scale float32) []SpriteLayer {
	s, c := scale, SpriteHalf*scale
	// ring is the closed outline pts scaled by r about the centre, from the
	// middle of its first side round to it again: every corner is a joint, and
	// no side is drawn twice (a feathered edge drawn twice looks heavier).
	ring := func(r float32, pts [][2]float64) []float32 {
		mid := [2]float64{(pts[0][0] + pts[1][0]) / 2, (pts[0][1] + pts[1][1]) / 2}
		out := make([]float32, 0, 2*len(pts)+4)
		for _, p := range slices.Concat([][2]float64{mid}, pts[1:], [][2]float64{pts[0], mid}) {
			out = append(out, c+r*float32(p[0]), c+r*float32(p[1]))
		}
		return out
	}
	stroke := func(black bool, width float32, pts ...float32) SpriteLayer {
		vs, is := Feathered(nil, nil, pts, width)
		return SpriteLayer{vs, is, black}
	}
	circle := polygon(circleCorners, 0, 1)
	switch kind {
	case BallSprite, DivergedSprite:
		outline, r := shape.Outline(), 7*s // polygons reach further than circles, to look as large
		if outline == nil {
			outline, r = circle, 6*s
		}
		layers := []SpriteLayer{fan(c, r, outline), stroke(true, 1.5*s, ring(r, outline)...)}
		if kind == DivergedSprite {
			layers = append(layers, stroke(true, 2*s, c-5*s, c-5*s, c+5*s, c+5*s), stroke(true, 2*s, c-5*s, c+5*s, c+5*s, c-5*s))
		}
		return layers
	case ReferenceSprite:
		return []SpriteLayer{stroke(false, 2*s, ring(6*s, circle)...)}
	case DotSprite:
		return []SpriteLayer{fan(c, 2.2*s, circle)}
	case StartSprite:
		return []SpriteLayer{stroke(false, 1.5*s, ring(6*s, circle)...),
			stroke(false, s, c-9*s, c, c+9*s, c), stroke(false, s, c, c-9*s, c, c+9*s)}
	}
	return nil
}

// fan fills the outline (corners on the unit circle, scaled by r about the
// sprite's centre c) with triangles from the centre: right for any shape whose
// every corner the centre sees, stars included. Its edge is feathered: opaque
// to half a pixel inside the outline, faded out half a pixel outside it, so a
// sprite needs no anti-aliasing pass (ebiten's renders each in an offscreen
// buffer of its own).
func fan(c, r float32, outline [][2]float64) SpriteLayer {
	l := SpriteLayer{Vs: []Vertex{{X: c, Y: c}}}
	for _, edge := range [2]Vertex{{X: r - 0.5}, {X: r + 0.5, Fade: 1}} { // the inner ring, then the outer
		for _, p := range outline {
			l.Vs = append(l.Vs, Vertex{X: c + edge.X*float32(p[0]), Y: c + edge.X*float32(p[1]), Fade: edge.Fade})
		}
	}
	n := uint16(len(outline))
	for k := uint16(1); k <= n; k++ {
		next := k%n + 1
		l.Is = append(l.Is, 0, k, next, k, k+n, next, next, k+n, next+n)
	}
	return l
}
