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
