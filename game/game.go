//go:build js && wasm

// Package game is the ebiten front of Descent: its Update hands the queued
// commands to the controller and ticks it, its Draw paints the controller's
// frame. Every decision is the controller's (package control).
package game

import (
	"math"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"descent/game/control"
	"descent/game/perf"
)

// Game is the ebiten.Game of Descent. Send, Do and Read are safe to call from
// JS callbacks: each takes mu, which is never held across a call out.
type Game struct {
	mu    sync.Mutex
	ctl   *control.Controller
	queue []control.Command // sent since the last Update, applied in order

	painter  painter
	stats    perf.Loop
	drawn    atomic.Bool // the first frame is drawn (read by JS callbacks too)
	lastPage int         // the controller's version the page last showed
	screen   control.Screen

	// OnFirstFrame is called once, after the first frame is drawn. Until
	// then OnPage is not called: the callback shows the page (SyncPage).
	OnFirstFrame func()
	// OnFrame is called after each frame that drew, without the lock, with the
	// frame (for the legend). The frame is reused: copy what must be kept.
	OnFrame func(f *control.Frame)
	// OnPage is called, without the lock, whenever the page must show
	// something new: the hash, the messages, the panel.
	OnPage func(p control.Page)
}

// New builds the game from a URL hash.
func New(hash string) *Game {
	return &Game{ctl: control.New(hash), lastPage: -1}
}

// Send queues cmd for the next Update: the panel's and the pointer's way in.
// A run of parameter edits to the same knob (a slider drag) keeps only the last.
func (g *Game) Send(cmd control.Command) {
	g.mu.Lock()
	if n := len(g.queue); n > 0 && control.Supersedes(cmd, g.queue[n-1]) {
		g.queue[n-1] = cmd
	} else {
		g.queue = append(g.queue, cmd)
	}
	g.mu.Unlock()
}

// Do applies what is queued and then cmd at once, and returns cmd's messages:
// the JS API's way in, which answers synchronously.
func (g *Game) Do(cmd control.Command) (notes []string) {
	g.Settled(func(c *control.Controller) { notes = append(notes, c.Do(cmd)...) })
	return notes
}

// Settled calls fn with the controller after applying what is queued: the JS
// API reads the state a script's earlier clicks and calls have made.
func (g *Game) Settled(fn func(c *control.Controller)) {
	func() {
		g.mu.Lock()
		defer g.mu.Unlock() // a panic in fn (a bug) must not leave the game locked
		g.drain()
		fn(g.ctl)
	}()
	g.syncPage()
}

// Read calls fn with the controller, to read it under the lock.
func (g *Game) Read(fn func(c *control.Controller)) {
	g.mu.Lock()
	defer g.mu.Unlock()
	fn(g.ctl)
}

// drain applies the queued commands. Called with mu held.
func (g *Game) drain() {
	for i, cmd := range g.queue {
		g.ctl.Do(cmd)
		g.queue[i] = nil
	}
	g.queue = g.queue[:0]
}

// syncPage shows the page anew when the controller's version moved, once
// the first frame is up or the canvas is out of sight: before, the page
// waits, so that the first frame is not held up by what only the page around
// it shows (its first showing is the OnFirstFrame callback's, through
// SyncPage). Out of sight no frame is drawn, and the page must not wait for one.
func (g *Game) syncPage() { g.showPage(false) }

// SyncPage shows the page anew when the controller's version moved.
func (g *Game) SyncPage() { g.showPage(true) }

func (g *Game) showPage(always bool) {
	g.mu.Lock()
	if !always && !g.drawn.Load() && !g.ctl.Hidden() || g.ctl.Version() == g.lastPage || g.OnPage == nil {
		g.mu.Unlock()
		return
	}
	g.lastPage = g.ctl.Version()
	p := g.ctl.Page()
	g.mu.Unlock()
	g.OnPage(p)
}

// Update applies the queued commands and ticks the controller.
func (g *Game) Update() error {
	t0 := time.Now()
	a0 := allocs()
	g.mu.Lock()
	g.drain()
	if g.ctl.Hidden() { // out of sight: no work, no timings (control.SetVisible)
		g.mu.Unlock()
		g.syncPage()
		return nil
	}
	g.ctl.Tick()
	g.mu.Unlock()
	g.stats.Update.Add(time.Since(t0))
	g.stats.EndTick(allocs() - a0)
	g.syncPage()
	return nil
}

// Layout uses the whole area ebiten gives, in device pixels, so lines stay
// sharp; the new size reaches the controller through the queue.
func (g *Game) Layout(outsideWidth, outsideHeight int) (int, int) {
	dpr := ebiten.Monitor().DeviceScaleFactor()
	w := int(math.Ceil(float64(outsideWidth) * dpr))
	h := int(math.Ceil(float64(outsideHeight) * dpr))
	if s := (control.Screen{W: w, H: h, DPR: dpr}); s != g.screen {
		g.screen = s
		g.Send(control.Resize{Screen: s})
	}
	return w, h
}

// Draw repaints only when something changed: a paused race costs nothing.
func (g *Game) Draw(screen *ebiten.Image) {
	g.mu.Lock()
	if !g.ctl.Dirty() {
		g.mu.Unlock()
		return
	}
	t0 := time.Now()
	a0 := allocs()
	f := g.ctl.Frame()
	g.mu.Unlock()

	if err := g.painter.draw(screen, f); err != nil {
		g.Send(control.Notice{Text: err.Error()})
	}
	g.stats.Draw.Add(time.Since(t0))
	g.stats.DrawAllocated(allocs() - a0)
	if g.OnFrame != nil {
		g.OnFrame(f)
	}
	if !g.drawn.Load() {
		g.drawn.Store(true)
		if g.OnFirstFrame != nil {
			g.OnFirstFrame()
		}
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
	g.mu.Lock()
	body := g.ctl.FieldShaderBody()
	g.mu.Unlock()
	if body != "" {
		go g.painter.prepare(body)
	}
	return ebiten.RunGame(g)
}
