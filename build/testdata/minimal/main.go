// Command minimal is the smallest ebiten app that fills its screen: the yardstick
// for Descent's download size and start-up time in `go run ./build bench`. Like
// Descent it sets window.descent.ready, resolved after its first frame, so the same
// page loads both. It lives under testdata, which go vet ./... and go test ./...
// skip, because it builds only for js/wasm; the bench builds it by path.
package main

import (
	"image/color"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"
)

type game struct {
	resolve js.Value
	drawn   bool
}

func (g *game) Update() error { return nil }

func (g *game) Draw(screen *ebiten.Image) {
	screen.Fill(color.RGBA{0x18, 0x18, 0x1c, 0xff})
	if !g.drawn {
		g.drawn = true
		g.resolve.Invoke()
	}
}

func (g *game) Layout(w, h int) (int, int) { return w, h }

func main() {
	g := &game{}
	ready := js.Global().Get("Promise").New(js.FuncOf(func(_ js.Value, args []js.Value) any {
		g.resolve = args[0]
		return nil
	}))
	api := js.Global().Get("Object").New()
	api.Set("ready", ready)
	js.Global().Set("descent", api)
	if err := ebiten.RunGame(g); err != nil {
		panic(err)
	}
}
