package view

import (
	"sync"
	"testing"
)

// TestAhead: an offer made before the first Take is taken once; after it,
// offers are refused and Open says so.
func TestAhead(t *testing.T) {
	var a Ahead[string, int]
	if !a.Open() || !a.Offer("x", 7) {
		t.Fatal("a new hand-over refused an offer")
	}
	if k, v, ok := a.Take(); !ok || k != "x" || v != 7 {
		t.Errorf("Take() = %q, %d, %v; want x, 7, true", k, v, ok)
	}
	if _, _, ok := a.Take(); ok {
		t.Error("a second Take got the value again")
	}
	if a.Open() || a.Offer("y", 8) {
		t.Error("an offer after Take was accepted")
	}
	var b Ahead[string, int]
	if _, _, ok := b.Take(); ok || b.Offer("x", 1) {
		t.Error("Take before any offer: got a value, or a later offer was accepted")
	}
}

// TestAheadRaces: a maker and a taker on two goroutines: the value is either
// taken or refused, never lost (go test -race).
func TestAheadRaces(t *testing.T) {
	for range 200 {
		var a Ahead[int, int]
		var wg sync.WaitGroup
		var accepted bool
		wg.Add(1)
		go func() { defer wg.Done(); accepted = a.Offer(1, 1) }()
		_, _, taken := a.Take()
		wg.Wait()
		if taken != accepted { // an offer before the Take is taken, one after it refused
			t.Fatalf("offer accepted %v, value taken %v", accepted, taken)
		}
	}
}
