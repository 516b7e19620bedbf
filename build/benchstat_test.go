//go:build !(js && wasm)

package main

import "testing"

// TestRoundRatios: the ratios pair the rounds, not the sorted values.
func TestRoundRatios(t *testing.T) {
	a := []float64{100, 200, 400, 100, 100}
	b := []float64{110, 240, 400, 150, 90}
	lo, mid, hi := roundRatios(a, b) // ratios 1.1 1.2 1.0 1.5 0.9 → sorted 0.9 1.0 1.1 1.2 1.5
	if lo != 1.0 || mid != 1.1 || hi != 1.2 {
		t.Errorf("roundRatios = %v, %v, %v; want 1, 1.1, 1.2", lo, mid, hi)
	}
	if lo, mid, hi := roundRatios(nil, nil); lo != 0 || mid != 0 || hi != 0 {
		t.Errorf("no rounds: %v %v %v", lo, mid, hi)
	}
}

// Only the ready mark's process's first compile of each function before the
// mark counts, with its size and, for Descent's own packages, its share.
func TestSumLazy(t *testing.T) {
	code := wasmCode{wasmModule{imported: 1, bodies: []int{10, 200, 3000}, names: map[int]string{
		1: "runtime.mallocgc", 2: "descent_game_control.__Controller_.Tick", 3: "main.main"}},
		wasmNames([]string{"descent/game/control", "runtime", "main"})}
	lazy := func(pid int, ts float64, index int) traceEvent {
		e := traceEvent{Name: "wasm.CompileLazy", Ph: "X", Pid: pid, Ts: ts, Dur: 900, Tdur: 500}
		e.Args.FuncIndex = &index
		return e
	}
	events := []traceEvent{
		lazy(7, 1, 1), lazy(7, 2, 2), lazy(7, 3, 2), // the second compile of 2 is not a first call
		lazy(8, 4, 3), // another process
		{Name: "descent:ready", Pid: 7, Ts: 5},
		lazy(7, 6, 3), // after ready
	}
	got, err := sumLazy(events, code)
	want := lazyFigures{Functions: 2, Bytes: 210, OwnBytes: 200, CPUMs: 1}
	if err != nil || got != want {
		t.Errorf("sumLazy = %+v, %v; want %+v", got, err, want)
	}
	if _, err := sumLazy(events[:4], code); err == nil {
		t.Errorf("a trace without the ready mark gave no error")
	}
}

// Only complete animation-frame events count, their wall and thread times
// read in milliseconds.
func TestFrameTasks(t *testing.T) {
	var events []traceEvent
	for i := range 20 {
		events = append(events, traceEvent{Name: "FireAnimationFrame", Ph: "X", Dur: float64(1000 * (i + 1)), Tdur: float64(500 * (i + 1))})
	}
	events = append(events, traceEvent{Name: "FireAnimationFrame", Ph: "B", Dur: 1e9}, traceEvent{Name: "FunctionCall", Ph: "X", Dur: 1e9, Tdur: 1e9})
	f := frameTasks(events)
	// 20 tasks of 1..20 ms: p50 is the 11th, p95 the 20th.
	if f.Tasks != 20 || f.WallMs != (percentiles{11, 20}) || f.CPUMs != (percentiles{5.5, 10}) {
		t.Errorf("frameTasks = %+v, want 20 tasks, wall p50 11 p95 20 ms, CPU p50 5.5 p95 10 ms", f)
	}
}
