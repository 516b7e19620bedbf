package optim_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"descent/optim"
)

func TestSpecsOrderAndDefaults(t *testing.T) {
	// The names, order and defaults the rest of the program (and the URLs
	// people have shared) rely on.
	want := []struct {
		name     string
		defaults map[string]float64
	}{
		{"gd", map[string]float64{"lr": 0.05}},
		{"sgd", map[string]float64{"lr": 0.05, "batch": 8, "sigma": 1}},
		{"momentum", map[string]float64{"lr": 0.02, "m": 0.9}},
		{"adagrad", map[string]float64{"lr": 0.5, "beta": 1, "eps": 1e-8}},
		{"rmsprop", map[string]float64{"lr": 0.05, "beta": 0.9, "eps": 1e-8}},
		{"adam", map[string]float64{"lr": 0.1, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8}},
		{"nesterov", map[string]float64{"lr": 0.02, "m": 0.9}},
		{"adadelta", map[string]float64{"lr": 1, "rho": 0.9, "eps": 1e-6}},
		{"adamax", map[string]float64{"lr": 0.1, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8}},
		{"amsgrad", map[string]float64{"lr": 0.1, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8}},
		{"nadam", map[string]float64{"lr": 0.1, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8}},
		{"adamw", map[string]float64{"lr": 0.1, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "wd": 0.01}},
		{"lion", map[string]float64{"lr": 0.01, "beta1": 0.9, "beta2": 0.99, "wd": 0}},
		{"newton", map[string]float64{"lr": 1, "damping": 0}},
	}
	specs := optim.Specs()
	if len(specs) != len(want) {
		t.Fatalf("got %d specs, want %d", len(specs), len(want))
	}
	for i, w := range want {
		s := specs[i]
		if s.Name != w.name {
			t.Errorf("specs[%d]: got %q, want %q", i, s.Name, w.name)
			continue
		}
		got := s.Defaults()
		if len(got) != len(w.defaults) {
			t.Errorf("%s: got defaults %v, want %v", s.Name, got, w.defaults)
		}
		for k, v := range w.defaults {
			if got[k] != v {
				t.Errorf("%s default %s: got %v, want %v", s.Name, k, got[k], v)
			}
		}
		for _, p := range s.Params {
			if !(p.Min <= p.Default && p.Default <= p.Max) {
				t.Errorf("%s %s: default %v outside [%v, %v]", s.Name, p.Name, p.Default, p.Min, p.Max)
			}
			if p.Log && p.Min <= 0 {
				t.Errorf("%s %s: log-scaled with Min %v, want Min > 0", s.Name, p.Name, p.Min)
			}
			if p.Integer && (p.Min != math.Trunc(p.Min) || p.Max != math.Trunc(p.Max) || p.Default != math.Trunc(p.Default)) {
				t.Errorf("%s %s: integer with range [%v, %v] default %v, want whole numbers", s.Name, p.Name, p.Min, p.Max, p.Default)
			}
			if p.Symbol == "" || p.Help == "" {
				t.Errorf("%s %s: missing Symbol or Help", s.Name, p.Name)
			}
		}
		if s.Display == "" || s.Rule == "" || s.Help == "" {
			t.Errorf("%s: missing Display, Rule or Help", s.Name)
		}
		if lr, ok := s.Param("lr"); !ok || lr.Min != 1e-6 || lr.Max != 10 || !lr.Log {
			t.Errorf("%s lr: got %+v, want range [1e-6, 10] log-scaled", s.Name, lr)
		}
	}
}

// TestSharedParamsAgree checks that a parameter name means one slider
// everywhere: a URL key such as "beta1" or "wd" has the same symbol, range
// and scale in every optimizer that has it (defaults and Help may differ).
// The one exception predates the check and is in shared URLs: "beta" is a
// weight in [1e-3, 100] for Adagrad but a decay in [0, 0.9999] for RMSProp.
func TestSharedParamsAgree(t *testing.T) {
	const exempt = "beta"
	first := map[string]struct {
		spec  string
		param optim.Param
	}{}
	for _, s := range optim.Specs() {
		for _, p := range s.Params {
			if p.Name == exempt {
				continue
			}
			f, ok := first[p.Name]
			if !ok {
				first[p.Name] = struct {
					spec  string
					param optim.Param
				}{s.Name, p}
				continue
			}
			q := f.param
			if p.Symbol != q.Symbol || p.Min != q.Min || p.Max != q.Max || p.Log != q.Log {
				t.Errorf("%s %s: got %s in [%v, %v] log %v, want %s's %s in [%v, %v] log %v",
					s.Name, p.Name, p.Symbol, p.Min, p.Max, p.Log, f.spec, q.Symbol, q.Min, q.Max, q.Log)
			}
		}
	}
}

func TestSpecsIsACopy(t *testing.T) {
	specs := optim.Specs()
	specs[0].Params[0].Default = 99
	specs[0].Name = "changed"
	if s, ok := optim.Lookup("gd"); !ok || s.Params[0].Default == 99 {
		t.Errorf("Lookup after mutating Specs(): got %+v, want the registry unchanged", s)
	}
	s, _ := optim.Lookup("adam")
	s.Params[0].Max = 1e9
	if _, err := optim.New("adam", map[string]float64{"lr": 100}); err == nil {
		t.Error("New after mutating Lookup(): got lr 100 accepted, want the registry's range")
	}
}

func TestLookup(t *testing.T) {
	if _, ok := optim.Lookup("bfgs"); ok {
		t.Error(`Lookup("bfgs"): got ok, want not found`)
	}
	s, ok := optim.Lookup("rmsprop")
	if !ok || s.Display != "RMSProp" {
		t.Errorf(`Lookup("rmsprop"): got %+v, %v`, s, ok)
	}
	if _, ok := s.Param("beta1"); ok {
		t.Error(`rmsprop Param("beta1"): got ok, want not found`)
	}
}

func TestNewErrors(t *testing.T) {
	for _, tc := range []struct {
		name     string
		opt      string
		params   map[string]float64
		sentinel error
		mention  []string // what the message must say
	}{
		{"unknown optimizer", "bfgs", nil, optim.ErrUnknownOptimizer, []string{`"bfgs"`, "gd, sgd, momentum, adagrad, rmsprop, adam, nesterov, adadelta, adamax, amsgrad, nadam, adamw, lion, newton"}},
		{"unknown param", "adam", map[string]float64{"m": 0.9}, optim.ErrUnknownParam, []string{`"m"`, "lr, beta1, beta2, eps"}},
		{"above max", "momentum", map[string]float64{"m": 1}, optim.ErrParamRange, []string{"m = 1", "[0, 0.999]"}},
		{"below min", "gd", map[string]float64{"lr": 0}, optim.ErrParamRange, []string{"lr = 0", "[1e-06, 10]"}},
		{"NaN", "rmsprop", map[string]float64{"beta": math.NaN()}, optim.ErrParamRange, []string{"beta = NaN", "[0, 0.9999]"}},
		{"Inf", "adagrad", map[string]float64{"eps": math.Inf(1)}, optim.ErrParamRange, []string{"eps = +Inf", "[1e-12, 1]"}},
		{"fraction for an integer", "sgd", map[string]float64{"batch": 2.5}, optim.ErrParamRange, []string{"batch = 2.5", "whole number", "[1, 1000]"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opt, err := optim.New(tc.opt, tc.params)
			if err == nil {
				t.Fatalf("got %T and no error, want an error", opt)
			}
			if !errors.Is(err, tc.sentinel) {
				t.Errorf("got %v, want it to wrap %v", err, tc.sentinel)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "optim: ") {
				t.Errorf(`got %q, want the prefix "optim: "`, msg)
			}
			for _, m := range tc.mention {
				if !strings.Contains(msg, m) {
					t.Errorf("got %q, want it to mention %s", msg, m)
				}
			}
		})
	}
}

func TestNewKeepsBoundsAndCallerMap(t *testing.T) {
	params := map[string]float64{"lr": 10, "m": 0} // both ends of their ranges are allowed
	if _, err := optim.New("momentum", params); err != nil {
		t.Errorf("got %v, want the range ends accepted", err)
	}
	if len(params) != 2 {
		t.Errorf("got caller's map %v, want it unchanged", params)
	}
}
