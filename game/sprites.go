//go:build js && wasm

package game

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
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
	key := spriteKey{kind, c, s}
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
		vector.DrawFilledCircle(img, c, c, 6*s, k.color, true)
		vector.StrokeCircle(img, c, c, 6*s, 1.5*s, color.Black, true)
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
