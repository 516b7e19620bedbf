//go:build js && wasm

package game

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"descent/game/view"
)

// spriteKind is what a sprite shows.
type spriteKind int

const (
	ballSprite      spriteKind = iota // a runner's ball
	divergedSprite                    // a runner's ball, crossed out
	referenceSprite                   // the reference path's hollow ball
	dotSprite                         // a dot on the reference path
	startSprite                       // the start's cross-hair
)

type spriteKey struct {
	kind  spriteKind
	shape view.Shape // a ball's outline
	color color.RGBA
	scale float32
}

// sprites are the small pictures drawn every frame — balls, dots, the start —
// each rasterised once per colour and scale instead of rebuilt as vector paths
// each frame.
type sprites struct {
	cache map[spriteKey]*ebiten.Image
	op    ebiten.DrawImageOptions
}

// spriteHalf is half a sprite's side, in CSS pixels.
const spriteHalf = 10

// draw draws the sprite centred on (x, y).
func (sp *sprites) draw(dst *ebiten.Image, kind spriteKind, c color.RGBA, s, x, y float32) {
	sp.drawShape(dst, kind, view.Circle, c, s, x, y)
}

// drawShape draws the sprite with a ball's outline, centred on (x, y).
func (sp *sprites) drawShape(dst *ebiten.Image, kind spriteKind, shape view.Shape, c color.RGBA, s, x, y float32) {
	key := spriteKey{kind, shape, c, s}
	img, ok := sp.cache[key]
	if !ok {
		img = makeSprite(key)
		if sp.cache == nil {
			sp.cache = map[spriteKey]*ebiten.Image{}
		}
		sp.cache[key] = img
	}
	sp.op.GeoM.Reset()
	sp.op.GeoM.Translate(float64(x-spriteHalf*s), float64(y-spriteHalf*s))
	dst.DrawImage(img, &sp.op)
}

func makeSprite(k spriteKey) *ebiten.Image {
	s := k.scale
	side := int(2*spriteHalf*s + 0.5)
	img := ebiten.NewImage(side, side)
	c := spriteHalf * s
	switch k.kind {
	case ballSprite, divergedSprite:
		var path vector.Path
		if pts := k.shape.Outline(); pts == nil {
			path.Arc(c, c, 6*s, 0, 2*math.Pi, vector.Clockwise)
		} else {
			// Polygons reach a little further than the circle, so that they look as large.
			r := 7 * s
			path.MoveTo(c+r*float32(pts[0][0]), c+r*float32(pts[0][1]))
			for _, p := range pts[1:] {
				path.LineTo(c+r*float32(p[0]), c+r*float32(p[1]))
			}
		}
		path.Close()
		fillPath(img, &path, k.color)
		vs, is := path.AppendVerticesAndIndicesForStroke(nil, nil, &vector.StrokeOptions{Width: 1.5 * s, LineJoin: vector.LineJoinRound})
		paintVertices(img, vs, is, color.RGBA{A: 0xff})
		if k.kind == divergedSprite {
			vector.StrokeLine(img, c-5*s, c-5*s, c+5*s, c+5*s, 2*s, color.Black, true)
			vector.StrokeLine(img, c-5*s, c+5*s, c+5*s, c-5*s, 2*s, color.Black, true)
		}
	case referenceSprite:
		vector.StrokeCircle(img, c, c, 6*s, 2*s, k.color, true)
	case dotSprite:
		vector.DrawFilledCircle(img, c, c, 2.2*s, k.color, true)
	case startSprite:
		vector.StrokeCircle(img, c, c, 6*s, 1.5*s, k.color, true)
		vector.StrokeLine(img, c-9*s, c, c+9*s, c, 1*s, k.color, true)
		vector.StrokeLine(img, c, c-9*s, c, c+9*s, 1*s, k.color, true)
	}
	return img
}

// fillPath fills path in c, anti-aliased.
func fillPath(dst *ebiten.Image, path *vector.Path, c color.RGBA) {
	vs, is := path.AppendVerticesAndIndicesForFilling(nil, nil)
	paintVertices(dst, vs, is, c)
}

// paintVertices draws triangles from a vector path in c, anti-aliased.
func paintVertices(dst *ebiten.Image, vs []ebiten.Vertex, is []uint16, c color.RGBA) {
	for i := range vs {
		vs[i].SrcX, vs[i].SrcY = 1, 1
		vs[i].ColorR, vs[i].ColorG, vs[i].ColorB, vs[i].ColorA = float32(c.R)/255, float32(c.G)/255, float32(c.B)/255, float32(c.A)/255
	}
	white := ebiten.NewImage(3, 3)
	white.Fill(color.White)
	dst.DrawTriangles(vs, is, white.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image), &ebiten.DrawTrianglesOptions{AntiAlias: true, FillRule: ebiten.FillRuleNonZero})
	white.Deallocate()
}
