package jsapi

import "testing"

// BenchmarkTrajectory is trajectory()'s Go side on the yardstick, GD
// on Rosenbrock for 100,000 steps: the spec's checks, the run (the evaluator,
// the step, the status checks) and the conversion to the three arrays the page
// copies into Float64Arrays. go test -bench Trajectory -benchmem ./game/jsapi
func BenchmarkTrajectory(b *testing.B) {
	for _, opt := range []string{"gd", "adam"} {
		b.Run(opt, func(b *testing.B) {
			spec, err := DecodeTrajectory([]any{map[string]any{"problem": "rosenbrock", "optimizer": opt,
				"steps": float64(MaxTrajectorySteps), "params": map[string]any{"lr": 1e-4}}})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				t, err := Run(spec)
				if err != nil {
					b.Fatal(err)
				}
				n += len(t.Xs) - 1
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds()/1e6, "Msteps/s")
		})
	}
}
