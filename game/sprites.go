//go:build js && wasm

package game

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"

	"descent/game/view"
)

type spriteKey struct {
	kind  view.SpriteKind
	shape view.Shape // a ball's outline
	color color.RGBA
	scale float32
}

// sprites are the small pictures drawn every frame — balls, dots, the start —
// each rasterised once per colour, shape and scale (view.SpriteLayers)
// instead of rebuilt each frame.
type sprites struct {
	cache map[spriteKey]*ebiten.Image
	op    ebiten.DrawImageOptions
}

// draw draws the sprite centred on (x, y), with a ball's shape.
func (sp *sprites) draw(p *painter, dst *ebiten.Image, kind view.SpriteKind, shape view.Shape, c color.RGBA, s, x, y float32) {
	key := spriteKey{kind, shape, c, s}
	img, ok := sp.cache[key]
	if !ok {
		img = ebiten.NewImage(int(2*view.SpriteHalf*s+0.5), int(2*view.SpriteHalf*s+0.5))
		// Feathered (view.SpriteLayers): no anti-aliasing pass, whose
		// offscreen buffer cost a texture a sprite.
		p.batch.Sprite(kind, shape, c, s)
		p.drawBatch(img)
		p.batch.TakeReach() // drawn into its own image: no reach on the screen
		if sp.cache == nil {
			sp.cache = map[spriteKey]*ebiten.Image{}
		}
		sp.cache[key] = img
	}
	sp.op.GeoM.Reset()
	sp.op.GeoM.Translate(float64(x-view.SpriteHalf*s), float64(y-view.SpriteHalf*s))
	dst.DrawImage(img, &sp.op)
}
