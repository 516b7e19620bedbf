package expr

import "testing"

// rosenbrock is the hand-written value and gradient that BenchmarkRosenbrock measures
// the compiled formula against: (1−x)² + 100(y−x²)², its gradient worked by hand.
// It is not inlined, as a problem's gradient is called through a function value.
//
//go:noinline
func rosenbrock(x, y float64) (v, gx, gy float64) {
	a, b := 1-x, y-x*x
	return a*a + 100*b*b, -2*a - 400*x*b, 200 * b
}

// BenchmarkRosenbrock compares the compiled formula's ValueGrad with rosenbrock:
// go test -bench Rosenbrock -benchmem ./problems/expr
func BenchmarkRosenbrock(b *testing.B) {
	e := mustParse(b, "(1-x)^2 + 100*(y-x^2)^2")
	impls := []struct {
		name string
		f    func(x, y float64) (v, gx, gy float64)
	}{
		{"hand-written", rosenbrock},
		{"compiled", e.ValueGrad},
	}
	for _, impl := range impls {
		b.Run(impl.name, func(b *testing.B) {
			b.ReportAllocs()
			var sink float64
			for i := 0; b.Loop(); i++ {
				v, gx, gy := impl.f(0.7, float64(i&7)*0.1)
				sink += v + gx + gy
			}
			_ = sink
		})
	}
}

func BenchmarkEval(b *testing.B) {
	e := mustParse(b, "(1-x)^2 + 100*(y-x^2)^2")
	b.ReportAllocs()
	var sink float64
	for i := 0; b.Loop(); i++ {
		sink += e.Eval(0.7, float64(i&7)*0.1)
	}
	_ = sink
}

func BenchmarkValueGradBeale(b *testing.B) {
	e := mustParse(b, "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2")
	b.ReportAllocs()
	var sink float64
	for i := 0; b.Loop(); i++ {
		v, gx, gy := e.ValueGrad(0.7, float64(i&7)*0.1)
		sink += v + gx + gy
	}
	_ = sink
}
