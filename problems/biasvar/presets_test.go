package biasvar

import (
	"strings"
	"testing"
)

// levelWords are the caption's words for Level's -1 and 1.
var levelWords = map[int]string{-1: "low", 1: "high"}

// TestDartboardShowsFigure1: each panel's cloud has the bias and variance its
// caption names, in the closed forms and in the Monte Carlo the scene draws,
// against the board's radius ‖θ‖ (Level).
func TestDartboardShowsFigure1(t *testing.T) {
	panels := Dartboard()
	seen := map[[2]bool]bool{}
	for _, p := range panels {
		r, err := Compute(p.Spec)
		if err != nil {
			t.Fatal(err)
		}
		radius := Offset(p.Spec.Theta)
		wantB, wantV := -1, -1
		if p.HighBias {
			wantB = 1
		}
		if p.HighVariance {
			wantV = 1
		}
		sampleBias := [2]float64{r.Sample.Mean[0] - p.Spec.Theta[0], r.Sample.Mean[1] - p.Spec.Theta[1]}
		for _, f := range []struct {
			what    string
			off, sp float64
		}{
			{"theory", Offset(r.Theory.Bias), Spread(r.Theory.Cov)},
			{"sample", Offset(sampleBias), Spread(r.Sample.Cov)},
		} {
			if Level(f.off, radius) != wantB || Level(f.sp, radius) != wantV {
				t.Errorf("%q: %s offset %.3g, spread %.3g on a board of radius %.3g (low < %.3g, high > %.3g): want %s bias, %s variance",
					p.Caption, f.what, f.off, f.sp, radius, LowFraction*radius, HighFraction*radius, levelWords[wantB], levelWords[wantV])
			}
		}
		prefix := strings.ToUpper(levelWords[wantB][:1]) + levelWords[wantB][1:] + " bias, " + levelWords[wantV] + " variance:"
		if !strings.HasPrefix(p.Caption, prefix) {
			t.Errorf("caption %q, want it to start %q", p.Caption, prefix)
		}
		seen[[2]bool{p.HighBias, p.HighVariance}] = true
		if _, _, err := p.Spec.Regression(); err != nil {
			t.Errorf("%q: no regression problem for it: %v", p.Caption, err)
		}
	}
	if len(panels) != 4 || len(seen) != 4 {
		t.Errorf("got %d panels covering %d of the four targets, want Figure 1's four", len(panels), len(seen))
	}
}

// TestPresetsShowWhatTheySay checks bv-ols (unbiased, wide), bv-ridge (biased,
// tight: its offset beyond its spread, its spread under half of OLS's) and bv-best
// (the least expected error of the three, and Best's).
func TestPresetsShowWhatTheySay(t *testing.T) {
	get := func(name string) (Spec, Result) {
		p, ok := LookupPreset(name)
		if !ok || len(p.Panels) != 1 {
			t.Fatalf("preset %s: found %v with %d panels, want one", name, ok, len(p.Panels))
		}
		r, err := Compute(p.Panels[0].Spec)
		if err != nil {
			t.Fatal(err)
		}
		return p.Panels[0].Spec, r
	}
	_, ols := get("bv-ols")
	_, ridge := get("bv-ridge")
	bs, best := get("bv-best")
	// OLS: bias exactly 0 up to rounding (Problem 2).
	if o := Offset(ols.Theory.Bias); o > 1e-12 {
		t.Errorf("bv-ols: got bias %v, want 0", ols.Theory.Bias)
	}
	if o, s := Offset(ridge.Theory.Bias), Spread(ridge.Theory.Cov); !(o > s) || !(s < Spread(ols.Theory.Cov)/2) {
		t.Errorf("bv-ridge: offset %v, spread %v, OLS spread %v; want offset > spread and spread < half OLS's", o, s, Spread(ols.Theory.Cov))
	}
	if !(best.Theory.MSE < ols.Theory.MSE && best.Theory.MSE < ridge.Theory.MSE) || best.Theory.MSE != best.Best.MSE || bs.Lambda != best.Best.Lambda {
		t.Errorf("bv-best at λ = %v: MSE %v (Best %v at λ %v), OLS %v, ridge %v; want the least, at Best",
			bs.Lambda, best.Theory.MSE, best.Best.MSE, best.Best.Lambda, ols.Theory.MSE, ridge.Theory.MSE)
	}
	// Every panel's flags hold (the dartboard's are checked both ways above).
	for _, p := range Presets() {
		for _, pn := range p.Panels {
			r, err := Compute(pn.Spec)
			if err != nil {
				t.Fatalf("%s: %v", p.Name, err)
			}
			radius := Offset(pn.Spec.Theta)
			if o := Offset(r.Theory.Bias); pn.HighBias && Level(o, radius) != 1 {
				t.Errorf("%s %q: offset %v, want above %v", p.Name, pn.Caption, o, HighFraction*radius)
			}
			if s := Spread(r.Theory.Cov); pn.HighVariance && Level(s, radius) != 1 {
				t.Errorf("%s %q: spread %v, want above %v", p.Name, pn.Caption, s, HighFraction*radius)
			}
		}
	}
}
