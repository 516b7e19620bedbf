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

// Cache keeps values made once per key (the painter's field shaders, by
// formula shape): at most CacheSize at once, all released (Release) when one
// more is wanted; a key whose making failed is not tried again.
type Cache[K comparable, V any] struct {
	Release func(V)
	Made    int // values made so far
	made    map[K]V
	failed  map[K]bool
}

// CacheSize bounds a Cache: a handful of shapes at once at most.
const CacheSize = 8

// Get returns key's value, made by make when the cache holds none. For a key
// whose making failed it returns ok false, with make's error the first time
// only.
func (c *Cache[K, V]) Get(key K, make func() (V, error)) (v V, ok bool, err error) {
	if v, ok := c.made[key]; ok || c.failed[key] {
		return v, ok, nil
	}
	if v, err = make(); err != nil {
		if c.failed == nil {
			c.failed = map[K]bool{}
		}
		c.failed[key] = true
		return v, false, err
	}
	c.Made++
	if len(c.made) >= CacheSize {
		for k, old := range c.made {
			c.Release(old)
			delete(c.made, k)
		}
	}
	if c.made == nil {
		c.made = map[K]V{}
	}
	c.made[key] = v
	return v, true, nil
}
