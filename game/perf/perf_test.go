package perf

import (
	"testing"
	"time"
)

func TestRingPercentilesAndMean(t *testing.T) {
	var r Ring
	if p50, p95, n := r.Percentiles(); p50 != 0 || p95 != 0 || n != 0 || r.Mean() != 0 {
		t.Errorf("empty ring: %v %v %v %v", p50, p95, n, r.Mean())
	}
	// 1..100: p50 is the 51st smallest (index 50), p95 the 96th (index 95).
	for i := 1; i <= 100; i++ {
		r.Push(float64(i))
	}
	if p50, p95, n := r.Percentiles(); p50 != 51 || p95 != 96 || n != 100 {
		t.Errorf("1..100: p50 %v p95 %v count %d, want 51, 96, 100", p50, p95, n)
	}
	if m := r.Mean(); m != 50.5 {
		t.Errorf("mean %v, want 50.5", m)
	}
	// Past Window samples only the newest count: Window more of 1000.
	for i := 0; i < Window; i++ {
		r.Push(1000)
	}
	if p50, _, _ := r.Percentiles(); p50 != 1000 || r.Mean() != 1000 {
		t.Errorf("after a full window of 1000: p50 %v mean %v", p50, r.Mean())
	}
	r.Add(1500 * time.Microsecond)
	if _, _, n := r.Percentiles(); n != 100+Window+1 {
		t.Errorf("count %d", n)
	}
}

func TestLoopCountsDrawAllocsIntoTheNextTick(t *testing.T) {
	var l Loop
	l.DrawAllocated(3)
	l.DrawAllocated(2)
	l.EndTick(4)
	l.EndTick(0)
	if m := l.Allocs.Mean(); m != 4.5 { // (5+4 + 0) / 2
		t.Errorf("mean allocs per tick %v, want 4.5", m)
	}
}

// A span records its time, and its allocations only when they count: an
// Update's into its tick, a Draw's into the next.
func TestSpansRecordTimeAndAllocations(t *testing.T) {
	var l Loop
	keep := make([][]byte, 0, 8)
	sp := Begin(true)
	for range 5 {
		keep = append(keep, make([]byte, 64<<10)) // large objects, counted at once (small ones when their span is refilled)
	}
	l.EndDraw(sp)
	l.EndUpdate(Begin(false)) // not counted: no tick of allocations
	if _, _, n := l.Draw.Percentiles(); n != 1 {
		t.Fatalf("%d draws recorded, want 1", n)
	}
	if _, _, n := l.Update.Percentiles(); n != 1 {
		t.Fatalf("%d updates recorded, want 1", n)
	}
	if got := l.Allocs.Mean(); got != 0 {
		t.Errorf("an uncounted update recorded a tick of %v allocations", got)
	}
	l.EndUpdate(Begin(true))
	if got := l.Allocs.Mean(); got < 5 {
		t.Errorf("a tick after a draw that allocated 5 large slices: %v allocations, want 5 or more", got)
	}
	_ = keep
}
