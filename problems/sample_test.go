package problems

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestDataLen(t *testing.T) {
	for _, tc := range []struct {
		problem string
		vals    map[string]float64
		want    int
	}{
		{"regression", nil, 100}, // the default n
		{"regression", map[string]float64{"n": 37}, 37},
		{"rosenbrock", nil, 0},
		{"quadratic", nil, 0},
	} {
		base, _ := Lookup(tc.problem)
		p, err := base.With(tc.vals)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.DataLen(); got != tc.want {
			t.Errorf("%s%v: got DataLen %d, want %d", tc.problem, tc.vals, got, tc.want)
		}
	}
}

// TestSampleGradBatches checks SampleGrad against BatchGrad over the indices
// it drew, and that a batch of the whole dataset is the full gradient.
func TestSampleGradBatches(t *testing.T) {
	p := regressionWith(t, map[string]float64{"n": 37, "lambda": 0.3})
	const w, b = 0.3, -0.7
	rng := rand.New(rand.NewPCG(3, 4))
	for _, size := range []int{1, 5, 36} {
		idx := make([]int, size)
		gx, gy := p.SampleGrad(idx, w, b, rng)
		want := make([]float64, 2)
		p.Data().BatchGrad(want, w, b, 0.3, idx)
		if gx != want[0] || gy != want[1] {
			t.Errorf("batch %d: got (%v, %v), BatchGrad over the drawn %v gives %v", size, gx, gy, idx, want)
		}
		for _, i := range idx {
			if i < 0 || i >= 37 {
				t.Errorf("batch %d: drew index %d, want one in [0, 37)", size, i)
			}
		}
	}
	// The whole dataset: the same numbers whatever the rng, equal to Grad but for rounding.
	idx := make([]int, 37)
	gx, gy := p.SampleGrad(idx, w, b, nil)
	fx, fy := p.Grad(w, b)
	if math.Abs(gx-fx) > 1e-12 || math.Abs(gy-fy) > 1e-12 {
		t.Errorf("whole dataset: got (%v, %v), want the full gradient (%v, %v)", gx, gy, fx, fy)
	}
	if allocs := testing.AllocsPerRun(100, func() { p.SampleGrad(idx[:8], w, b, rng) }); allocs != 0 {
		t.Errorf("got %v allocations per SampleGrad, want 0", allocs)
	}
}

func TestSampleGradWithoutDataPanics(t *testing.T) {
	p, _ := Lookup("rosenbrock")
	defer func() {
		if recover() == nil {
			t.Error("SampleGrad on rosenbrock: got no panic, want one")
		}
	}()
	p.SampleGrad(make([]int, 4), 0, 0, rand.New(rand.NewPCG(1, 1)))
}
