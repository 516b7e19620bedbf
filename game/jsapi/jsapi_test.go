package jsapi

import (
	"encoding/json"
	"maps"
	"math"
	"strings"
	"testing"

	"descent/game/config"
	"descent/game/control"
	"descent/game/perf"
	"descent/game/race"
	"descent/optim"
	"descent/problems"
)

// obj is a trajectory spec as a script would pass it, converted.
type obj = map[string]any

func TestDecodeTrajectoryRefusesWrongTypes(t *testing.T) {
	cases := []struct {
		arg  any
		want string // a fragment of the error
	}{
		{nil, "pass an object"},
		{42.0, "not 42"},
		{obj{"steps": "300"}, `steps must be a whole number from 0 to 100000, not the string "300"`},
		{obj{"steps": math.NaN()}, "steps must be a whole number"},
		{obj{"steps": 2.5}, "steps must be a whole number"},
		{obj{"steps": 1e6}, "steps must be a whole number from 0 to 100000"},
		{obj{"seed": -1.0}, "seed must be a whole number"},
		{obj{"seed": "x"}, "seed must be a whole number"},
		{obj{"start": []any{"a", "b"}}, "start must be two finite numbers"},
		{obj{"start": []any{1.0}}, "start must be two numbers"},
		{obj{"start": []any{math.Inf(1), 0.0}}, "start[0]"},
		{obj{"problem": "nope"}, `no problem "nope"`},
		{obj{"problem": 3.0}, "problem must be a string"},
		{obj{"problem": "rotated:kappa=0"}, "kappa"},
		{obj{"optimizer": "adam", "params": obj{"lr": "fast"}}, `params.lr must be a number, not the string "fast"`},
		{obj{"optimizer": "adam", "params": obj{"momentum": 0.9}}, `unknown parameter "momentum"`},
		{obj{"optimizer": "gd", "params": obj{"lr": 100.0}}, "lr = 100"},
		{obj{"optimizer": "warp"}, `no optimizer "warp"`},
		{obj{"expr": "x^^2"}, "character 3"},
		{obj{"expr": "x", "problem": "booth"}, "not both"},
		{obj{"stpes": 10.0}, `"stpes" is not a field`},
		{obj{"steps": Unsupported("a bigint")}, "not a bigint"},
	}
	for _, c := range cases {
		_, err := DecodeTrajectory([]any{c.arg})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("DecodeTrajectory(%v): %v, want an error containing %q", c.arg, err, c.want)
		}
	}
	if _, err := DecodeTrajectory(nil); err == nil {
		t.Error("DecodeTrajectory() with no argument: no error")
	}
}

func TestDecodeTrajectoryDefaults(t *testing.T) {
	spec, err := DecodeTrajectory([]any{obj{}})
	if err != nil {
		t.Fatal(err)
	}
	if spec.Problem.Name != problems.Default().Name || spec.Entry.Optimizer != "gd" || spec.Steps != 100 ||
		spec.Entry.Seed != 1 || spec.Start != problems.Default().Start {
		t.Errorf("defaults: %s %s %d steps seed %d from %v", spec.Problem.Name, spec.Entry.Optimizer, spec.Steps, spec.Entry.Seed, spec.Start)
	}
	spec, err = DecodeTrajectory([]any{obj{"problem": "rotated:kappa=50", "optimizer": "adam", "params": obj{"lr": 0.2},
		"start": []any{1.0, -2.0}, "steps": 7.0, "seed": 9.0}})
	if err != nil {
		t.Fatal(err)
	}
	if spec.Problem.ParamValues()["kappa"] != 50 || spec.Entry.Params["lr"] != 0.2 || spec.Start != [2]float64{1, -2} ||
		spec.Steps != 7 || spec.Entry.Seed != 9 {
		t.Errorf("decoded %+v", spec)
	}
	// Parameters not given are the race's on that surface: config.Baseline's,
	// the surface's recommendation over the defaults; a formula has none.
	for _, tt := range []struct {
		spec obj
		cfg  string
	}{
		{obj{"problem": "rosenbrock", "optimizer": "adagrad"}, "problem=rosenbrock"},
		{obj{"problem": "beale", "optimizer": "adam", "params": obj{"beta1": 0.8}}, "problem=beale"},
		{obj{"expr": "x^2 + 3y^2", "optimizer": "momentum"}, "expr=x^2 + 3y^2"},
	} {
		spec, err := DecodeTrajectory([]any{tt.spec})
		if err != nil {
			t.Fatal(err)
		}
		c, _ := config.Parse(tt.cfg)
		want := c.Baseline(spec.Entry.Optimizer)
		opt, _ := optim.Lookup(spec.Entry.Optimizer)
		got := opt.Defaults()
		maps.Copy(got, spec.Entry.Params)
		if given, ok := tt.spec["params"].(obj); ok {
			for k, v := range given {
				want[k] = v.(float64)
			}
		}
		if !maps.Equal(got, want) {
			t.Errorf("%v: parameters %v, want the race's %v", tt.spec, got, want)
		}
	}
	ada, _ := optim.Lookup("adagrad")
	if rec, _ := problems.Recommended("rosenbrock", "adagrad"); rec["lr"] == ada.Defaults()["lr"] {
		t.Fatalf("adagrad's recommendation on rosenbrock is its default: the test above cannot tell them apart")
	}
}

// TestRunStopsAtConvergence: a run that converges stops there and says so, and
// its points are TrajectoryEntry's.
func TestRunStopsAtConvergence(t *testing.T) {
	spec, err := DecodeTrajectory([]any{obj{"problem": "quadratic", "optimizer": "gd", "params": obj{"lr": 0.4}, "steps": 100000.0}})
	if err != nil {
		t.Fatal(err)
	}
	tr, err := Run(spec)
	if err != nil {
		t.Fatal(err)
	}
	if tr.Status != race.Converged || len(tr.Xs) != tr.StatusStep+1 || len(tr.Losses) != len(tr.Xs) {
		t.Fatalf("status %v at %d with %d points, want converged with statusStep+1 points", tr.Status, tr.StatusStep, len(tr.Xs))
	}
	points, losses, _, _, _ := race.TrajectoryEntry(spec.Problem, spec.Entry, spec.Start, tr.StatusStep)
	for i := range points {
		if points[i] != [2]float64{tr.Xs[i], tr.Ys[i]} || losses[i] != tr.Losses[i] {
			t.Fatalf("step %d: (%v, %v) %v, want %v %v", i, tr.Xs[i], tr.Ys[i], tr.Losses[i], points[i], losses[i])
		}
	}
}

func TestStepsAndHash(t *testing.T) {
	if n, err := Steps(nil); n != 1 || err != nil {
		t.Errorf("Steps(): %d, %v, want 1", n, err)
	}
	if n, err := Steps([]any{500.0}); n != 500 || err != nil {
		t.Errorf("Steps(500): %d, %v", n, err)
	}
	for _, bad := range []any{-1.0, 0.5, "10", float64(control.MaxStepsAtOnce + 1), true} {
		if _, err := Steps([]any{bad}); err == nil {
			t.Errorf("Steps(%v): no error", bad)
		}
	}
	if h, err := Hash([]any{"speed=3"}); h != "speed=3" || err != nil {
		t.Errorf("Hash: %q, %v", h, err)
	}
	for _, bad := range [][]any{nil, {10.0}, {Unsupported("a bigint")}, {obj{}}} {
		if _, err := Hash(bad); err == nil || !strings.Contains(err.Error(), "configure:") {
			t.Errorf("Hash(%v): %v, want a configure: error", bad, err)
		}
	}
}

func TestStateAndCatalogsArePlain(t *testing.T) {
	c := control.New("problem=rosenbrock&o=gd:lr=0.5;adam&lbfgs=1&paused=1")
	c.Do(control.Step{N: 20})
	st := State(c.State())
	runners := st["runners"].([]any)
	gd := runners[0].(map[string]any)
	if gd["status"] != "diverged" || gd["divergedAt"] == nil || st["reference"] == nil || st["step"] != 20.0 {
		t.Errorf("state %v", st)
	}
	assertPlain(t, "state", st)
	assertPlain(t, "problems", Problems())
	assertPlain(t, "optimizers", Optimizers())
	if n := len(Problems()); n != len(problems.All()) {
		t.Errorf("%d problems, want %d", n, len(problems.All()))
	}
}

// assertPlain fails on any value js.ValueOf could not convert.
func assertPlain(t *testing.T, path string, v any) {
	t.Helper()
	switch v := v.(type) {
	case nil, bool, float64, string, int:
	case []any:
		for i, e := range v {
			assertPlain(t, path+"["+string(rune('0'+i%10))+"]", e)
		}
	case map[string]any:
		for k, e := range v {
			assertPlain(t, path+"."+k, e)
		}
	default:
		t.Errorf("%s is a %T, which js.ValueOf cannot convert", path, v)
	}
}

// FuzzDecodeTrajectory: no argument, however odd, panics.
func FuzzDecodeTrajectory(f *testing.F) {
	f.Add("rosenbrock", "adam", "lr", 0.1, 10.0, 1.0, "x^2")
	f.Add("", "", "", math.NaN(), -1.0, 1e300, "")
	f.Fuzz(func(t *testing.T, problem, optimizer, key string, v, steps, seed float64, expr string) {
		spec := obj{"problem": problem, "optimizer": optimizer, "params": obj{key: v}, "steps": math.Mod(steps, 200), "seed": seed}
		if expr != "" {
			delete(spec, "problem")
			spec["expr"] = expr
		}
		if s, err := DecodeTrajectory([]any{spec}); err == nil {
			if _, err := Run(s); err != nil {
				t.Logf("run: %v", err)
			}
		}
	})
}

func TestMetricsArePlain(t *testing.T) {
	m := Metrics(perf.Metrics{FPS: 60, UpdateP95: 0.2, Draws: 7, AllocsPerFrame: 0, ShaderCompiles: 1})
	assertPlain(t, "metrics", m)
	if m["fps"] != 60.0 || m["draws"] != 7.0 || m["updateMs"].(map[string]any)["p95"] != 0.2 || m["shaderCompiles"] != 1.0 {
		t.Errorf("metrics %v", m)
	}
}

// FuzzStateOfAnyLink: whatever a link says, the page starts, and state() is
// plain values that JSON can hold (no ∞ or NaN, which JSON.stringify and
// encoding/json refuse), in the race and in the bias–variance scene.
func FuzzStateOfAnyLink(f *testing.F) {
	for _, seed := range []string{"", "scene=bias-variance&sigma=1e300", "scene=bias-variance&x0=1e300,-1e300",
		"scene=bias-variance&lambda=1e-300&sigma=1e300&theta=1e6,-1e6", "preset=bv-dartboard", "problem=goldstein-price&o=lion:lr=10&lbfgs=1",
		"expr=log(x)&arrows=1&follow=1", "layout=grid&o=gd;sgd;adam"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, hash string) {
		c := control.New(hash)
		c.Do(control.Step{N: 20})
		st := State(c.State())
		if _, err := json.Marshal(st); err != nil {
			t.Fatalf("state() of %q cannot be JSON: %v", hash, err)
		}
	})
}
