package race

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// lossRuns gives the stored losses in order, each run with the least and
// greatest finite loss in it, whatever the ring's capacity (a multiple of the
// block or not), fill, wrap and clears, with NaN and infinite losses among
// the finite ones, asked after every few pushes (so that kept ranges are
// reused, and must be right).
func TestLossRunsCarryTheirRanges(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	specials := []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, -1e300, 1e300}
	runs := 0
	for trial := range 200 {
		tr := newTrail([]int{1, 7, 63, 64, 65, 128, 200, 4096}[trial%8])
		for range 2 + rng.IntN(3*len(tr.losses)/40+1) { // some 3 times the capacity, 40 at a time
			for range rng.IntN(80) {
				loss := rng.NormFloat64() * 10
				if rng.IntN(20) == 0 {
					loss = specials[rng.IntN(len(specials))]
				}
				tr.push([2]float64{loss, 0}, loss)
			}
			if rng.IntN(50) == 0 {
				tr.clear()
			}
			var all []float64
			tr.lossRuns(func(losses []float64, lo, hi float64) {
				runs++
				all = append(all, losses...)
				if len(losses) == 0 || len(losses) > lossBlock {
					t.Fatalf("trial %d: a run of %d losses", trial, len(losses))
				}
				wlo, whi := math.Inf(1), math.Inf(-1)
				for _, l := range losses {
					if finite(l) {
						wlo, whi = min(wlo, l), max(whi, l)
					}
				}
				if lo != wlo || hi != whi {
					t.Fatalf("trial %d: a run of %v says its finite losses lie in [%v, %v], want [%v, %v]", trial, losses, lo, hi, wlo, whi)
				}
			})
			if want := tr.appendLosses(nil); !slices.EqualFunc(all, want, func(a, b float64) bool { return a == b || a != a && b != b }) {
				t.Fatalf("trial %d: the runs hold %v, the trail %v", trial, all, want)
			}
		}
	}
	if runs < 10000 {
		t.Errorf("only %d runs: the test hardly tried", runs)
	}
}
