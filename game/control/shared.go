package control

import (
	"sync"
	"sync/atomic"
	"time"
)

// Shared is the Controller as the game loop and the page's callbacks share it.
// The panel's and the pointer's callbacks queue commands (Send), which the loop
// applies before each tick; the JS API applies them at once and answers (Do,
// Settled). The page is shown anew (OnPage) whenever the controller's version
// moved, from the first frame on or while out of sight: before, it waits, so
// that the first frame is not held up by what only the page around it shows.
// Every method but Wake takes the lock, which is never held across a call
// out, nor while WaitWhileIdle waits: the JS API may apply a command then.
type Shared struct {
	mu       sync.Mutex
	ctl      *Controller
	queue    []Command // sent since the last tick, applied in order
	lastPage int       // the controller's version the page last showed
	drawn    atomic.Bool
	wake     chan struct{} // a command came: the loop may have work (WaitWhileIdle)
	recheck  time.Duration // the longest WaitWhileIdle waits; idleRecheck but in tests

	// OnPage is called, without the lock, whenever the page must show
	// something new: the hash, the messages, the panel.
	OnPage func(p Page)
}

// NewShared builds the controller from a URL hash.
func NewShared(hash string) *Shared {
	return &Shared{ctl: New(hash), lastPage: -1, wake: make(chan struct{}, 1), recheck: idleRecheck}
}

// Send queues cmd for the next tick: the panel's and the pointer's way in.
// A run of parameter edits to the same knob (a slider drag) keeps only the last.
func (s *Shared) Send(cmd Command) {
	s.mu.Lock()
	if n := len(s.queue); n > 0 && Supersedes(cmd, s.queue[n-1]) {
		s.queue[n-1] = cmd
	} else {
		s.queue = append(s.queue, cmd)
	}
	s.mu.Unlock()
	s.Wake()
}

// Wake ends a WaitWhileIdle: a command came, or the page changed under the
// canvas (a resize, which ebiten's loop reads in Layout).
func (s *Shared) Wake() {
	select {
	case s.wake <- struct{}{}:
	default: // a wake is pending already
	}
}

// idleRecheck is the longest WaitWhileIdle waits with nothing sent: what
// changes without a command (the device's pixel ratio, say) reaches the loop
// within it, at a few loops a second instead of the screen's 60.
const idleRecheck = 250 * time.Millisecond

// WaitWhileIdle holds the game loop while the controller is idle
// (Controller.Idle) and nothing is queued, until something is sent (Send, a
// Do or Settled that leaves work, Wake) or idleRecheck passes. ebiten asks for the next animation frame
// only when Update returns, so a page paused, finished or out of sight costs
// the main thread next to nothing (0.02 core in headless Chromium), where
// ebiten's loop, 60 times a second, cost it about 0.11 for nothing.
func (s *Shared) WaitWhileIdle() {
	s.mu.Lock()
	idle := len(s.queue) == 0 && s.ctl.Idle()
	s.mu.Unlock()
	if !idle {
		return
	}
	select {
	case <-s.wake:
	case <-time.After(s.recheck):
	}
}

// Do applies what is queued and then cmd at once, and returns cmd's messages:
// the JS API's way in, which answers synchronously.
func (s *Shared) Do(cmd Command) (notes []string) {
	s.Settled(func(c *Controller) { notes = append(notes, c.Do(cmd)...) })
	return notes
}

// Settled calls fn with the controller after applying what is queued: the JS
// API reads the state a script's earlier clicks and calls have made.
func (s *Shared) Settled(fn func(c *Controller)) {
	busy := func() bool {
		s.mu.Lock()
		defer s.mu.Unlock() // a panic in fn (a bug) must not leave the game locked
		s.drain()
		fn(s.ctl)
		return !s.ctl.Idle()
	}()
	if busy { // fn made a frame due, or set something going: a read does not
		s.Wake()
	}
	s.SyncPage()
}

// Read calls fn with the controller, to read it under the lock.
func (s *Shared) Read(fn func(c *Controller)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fn(s.ctl)
}

// drain applies the queued commands. Called with mu held.
func (s *Shared) drain() {
	for i, cmd := range s.queue {
		s.ctl.Do(cmd)
		s.queue[i] = nil
	}
	s.queue = s.queue[:0]
}

// Tick applies the queue and ticks the controller, unless it is out of sight
// (SetVisible): then it only applies the queue and reports false.
func (s *Shared) Tick() (ticked bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.drain()
	if s.ctl.Hidden() {
		return false
	}
	s.ctl.Tick()
	return true
}

// Dirty reports whether a frame is due: a paused race costs nothing.
func (s *Shared) Dirty() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ctl.Dirty()
}

// Frame returns the frame to draw.
func (s *Shared) Frame() *Frame {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ctl.Frame()
}

// Drawn records that a frame was drawn, and reports whether it was the first.
func (s *Shared) Drawn() (first bool) { return s.drawn.CompareAndSwap(false, true) }

// HasDrawn reports whether a frame has been drawn.
func (s *Shared) HasDrawn() bool { return s.drawn.Load() }

// SyncPage shows the page anew when the controller's version moved, once the
// first frame is drawn or the canvas is out of sight (no frame is drawn then,
// and the page must not wait for one).
func (s *Shared) SyncPage() { s.showPage(false) }

// ShowPage shows the page anew when the controller's version moved, frame or
// no frame: the first showing, just after the first frame.
func (s *Shared) ShowPage() { s.showPage(true) }

func (s *Shared) showPage(always bool) {
	s.mu.Lock()
	if !always && !s.HasDrawn() && !s.ctl.Hidden() || s.ctl.Version() == s.lastPage || s.OnPage == nil {
		s.mu.Unlock()
		return
	}
	s.lastPage = s.ctl.Version()
	p := s.ctl.Page()
	s.mu.Unlock()
	s.OnPage(p)
}
