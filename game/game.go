//go:build js && wasm

// Package game is the ebiten front of Descent: its Update hands the queued
// commands to the controller and ticks it, its Draw paints the controller's
// frame. Every decision is the controller's (package control).
package game

import (
	"github.com/hajimehoshi/ebiten/v2"

	"descent/game/control"
	"descent/game/perf"
)

// Game is the ebiten.Game of Descent, over the controller it shares with the
// page's callbacks (control.Shared: Send, Do, Settled, Read, OnPage).
type Game struct {
	*control.Shared
	painter painter
	stats   perf.Loop
	screen  control.Screen

	// OnFirstFrame is called once, after the first frame is drawn. Until
	// then OnPage is not called: the callback shows the page (ShowPage).
	OnFirstFrame func()
	// OnFrame is called after each frame that drew, without the lock, with the
	// frame (for the legend). The frame is reused: copy what must be kept.
	OnFrame func(f *control.Frame)
}

// New builds the game from a URL hash.
func New(hash string) *Game { return &Game{Shared: control.NewShared(hash)} }

// Update applies the queued commands and ticks the controller; while there is
// nothing to do, it first waits for something to be sent (WaitWhileIdle).
func (g *Game) Update() error {
	g.WaitWhileIdle()
	span := perf.Begin(g.HasDrawn()) // allocations count from the first frame on
	if g.Tick() {                    // out of sight: no work, no timings (control.SetVisible)
		g.stats.EndUpdate(span)
	}
	g.SyncPage()
	return nil
}

// Layout uses the whole area ebiten gives, in device pixels, so lines stay
// sharp; the new size reaches the controller through the queue.
func (g *Game) Layout(outsideWidth, outsideHeight int) (int, int) {
	if s := control.ScreenOf(outsideWidth, outsideHeight, ebiten.Monitor().DeviceScaleFactor()); s != g.screen {
		g.screen = s
		g.Send(control.Resize{Screen: s})
	}
	return g.screen.W, g.screen.H
}

// Draw repaints only when something changed: a paused race costs nothing.
func (g *Game) Draw(screen *ebiten.Image) {
	if !g.Dirty() {
		return
	}
	span := perf.Begin(g.HasDrawn())
	f := g.Frame()
	if err := g.painter.draw(screen, f); err != nil {
		g.Send(control.Notice{Text: err.Error()})
	}
	g.stats.EndDraw(span)
	if g.OnFrame != nil {
		g.OnFrame(f)
	}
	if g.Drawn() && g.OnFirstFrame != nil {
		g.OnFirstFrame()
	}
}

// Run starts the game loop; it returns when the loop ends.
func (g *Game) Run() error {
	ebiten.SetScreenClearedEveryFrame(false)
	// One Update a frame: the speed is steps a frame, and a slow machine
	// drawing 20 frames a second would otherwise run three Updates a frame,
	// each frame drawing three times the steps (the stress race's Update +
	// Draw p95 fell from 11 to 7 ms in headless Chromium).
	ebiten.SetTPS(ebiten.SyncWithFPS)
	ebiten.SetWindowTitle("Descent")
	var body string
	g.Read(func(c *control.Controller) { body = c.FieldShaderBody() })
	if body != "" {
		go g.painter.prepare(body)
	}
	return ebiten.RunGame(g)
}
