package biasvar

import "testing"

// BenchmarkLambdaMove is what dragging λ costs: 1,000 fits, their statistics, the
// closed forms and four ellipses (theory and sample, 1 and 2 sd) of 64 points.
// The budget is 2 ms in the browser, where wasm runs ~2–3× slower.
func BenchmarkLambdaMove(b *testing.B) {
	sm, err := NewSampler(Default())
	if err != nil {
		b.Fatal(err)
	}
	est := make([][2]float64, sm.Trials())
	pts := make([][2]float64, 64)
	lambdas := curveLambdas()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		l := lambdas[i%len(lambdas)]
		i++
		s := sm.Stats(sm.Estimates(l, est))
		th := sm.Theory(l)
		for _, k := range []float64{1, 2} {
			Ellipse(th.Mean, th.Cov, k, pts)
			Ellipse(s.Mean, s.Cov, k, pts)
		}
	}
}

// BenchmarkCompute is a whole new spec: 1,000 datasets of 10 points drawn, the
// curve and the best λ.
func BenchmarkCompute(b *testing.B) {
	s := Default()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compute(s); err != nil {
			b.Fatal(err)
		}
	}
}
