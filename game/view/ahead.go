package view

import "sync"

// Ahead hands one value made ahead of time, on another goroutine, to the first
// taker: the painter's field shader, compiled while ebiten starts. The first
// Take closes it, and what is offered later is refused.
type Ahead[K comparable, V any] struct {
	mu      sync.Mutex
	key     K
	v       V
	offered bool
	closed  bool
}

// Open reports whether an offer could still be taken: a maker may skip its work.
func (a *Ahead[K, V]) Open() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return !a.closed
}

// Offer hands v over under key. It reports false, keeping nothing, once a
// Take has closed the hand-over: the maker then releases v.
func (a *Ahead[K, V]) Offer(key K, v V) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.closed {
		return false
	}
	a.key, a.v, a.offered = key, v, true
	return true
}

// Take closes the hand-over and returns what was offered, if anything.
func (a *Ahead[K, V]) Take() (key K, v V, ok bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.closed = true
	key, v, ok = a.key, a.v, a.offered
	var zk K
	var zv V
	a.key, a.v, a.offered = zk, zv, false
	return key, v, ok
}
