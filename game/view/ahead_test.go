package view

import (
	"errors"
	"strconv"
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

// TestCacheMakesOnceReleasesAllAndTriesNoFailureTwice: a key is made once;
// the ninth shape releases the eight held; a failing key is made once and
// errs once.
func TestCacheMakesOnceReleasesAllAndTriesNoFailureTwice(t *testing.T) {
	released := 0
	c := Cache[int, string]{Release: func(string) { released++ }}
	calls := 0
	get := func(k int) (string, bool, error) {
		return c.Get(k, func() (string, error) {
			calls++
			if k < 0 {
				return "", errors.New("bad shape")
			}
			return strconv.Itoa(k), nil
		})
	}
	for range 2 {
		if v, ok, err := get(1); v != "1" || !ok || err != nil {
			t.Fatalf("get(1) = %q, %v, %v", v, ok, err)
		}
	}
	if calls != 1 || c.Made != 1 {
		t.Fatalf("two gets made %d (Made %d), want 1", calls, c.Made)
	}
	for k := 2; k <= CacheSize; k++ {
		get(k)
	}
	if released != 0 {
		t.Fatalf("%d held: %d released, want 0", CacheSize, released)
	}
	get(CacheSize + 1)
	if released != CacheSize || c.Made != CacheSize+1 {
		t.Fatalf("one more: %d released (Made %d), want %d", released, c.Made, CacheSize)
	}
	if _, ok, err := get(-1); ok || err == nil {
		t.Fatalf("a failing key: ok %v, err %v; want an error", ok, err)
	}
	n := calls
	if _, ok, err := get(-1); ok || err != nil || calls != n {
		t.Fatalf("a failed key again: ok %v, err %v, made again %v; want nothing", ok, err, calls != n)
	}
}
