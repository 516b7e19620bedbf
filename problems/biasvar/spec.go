// Package biasvar is the bias–variance experiment of the course notes (§1.2,
// Problems 1–3): ridge regression θ̃ = (XᵀX + λI)⁻¹XᵀY on data Y = Xθ + ε from a fixed
// design X, its closed forms, a Monte Carlo of many datasets and the error curve in λ.
package biasvar

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"descent/problems"
)

// Limits on a spec beyond the regression problem's parameter ranges.
const (
	// MaxTrials is the most datasets a spec may draw.
	MaxTrials = 100_000
	// MaxDraws bounds trials × (n + 1), the Gaussian draws a spec costs: about a
	// second in the browser at ~30 ns a draw natively and wasm ~3× slower.
	MaxDraws = 10_000_000
)

// Spec is one bias–variance experiment.
type Spec struct {
	// X is the fixed n×2 design, given by hand; nil means Design, N and Seed make it
	// with problems.DrawData.
	X      [][2]float64
	Design problems.Design
	N      int

	Theta  [2]float64 // the true θ
	Sigma  float64    // the noise's standard deviation σ
	Lambda float64    // the ridge penalty λ; 0 is OLS
	X0     [2]float64 // the test input x₀
	Trials int        // how many datasets the Monte Carlo draws
	Seed   uint64     // picks the design (random), the datasets and the test targets
}

// Default returns the scene's first experiment: the line y = 2t − 1 (intercept −1,
// slope 2, the regression problem's line) from 10 evenly spread points with unit
// noise (the notes' Problem 2), OLS, predicting at the right end t = 1.
func Default() Spec {
	return Spec{
		Design: problems.DesignLine, N: 10,
		Theta: [2]float64{-1, 2}, Sigma: 1, Lambda: 0,
		X0: [2]float64{1, 1}, Trials: 1000, Seed: 1,
	}
}

// regressionParam returns the regression problem's parameter name: the single
// source of the ranges a spec shares with it.
func regressionParam(name string) problems.Param {
	p, _ := problems.Lookup("regression")
	for _, prm := range p.Params {
		if prm.Name == name {
			return prm
		}
	}
	panic("biasvar: the regression problem has no parameter " + name)
}

// checkRange reports v outside the regression parameter's range, under field.
func checkRange(field string, prm problems.Param, v float64) error {
	if !(prm.Min <= v && v <= prm.Max) || (prm.Integer && v != math.Trunc(v)) {
		kind := "a value"
		if prm.Integer {
			kind = "a whole number"
		}
		return fmt.Errorf("biasvar: %s = %v, want %s in [%v, %v]", field, v, kind, prm.Min, prm.Max)
	}
	return nil
}

// Check reports the first thing wrong with s, naming its field: a design or n out of
// range, a row, θ or x₀ not finite, σ < 0, λ < 0, trials out of [2, MaxTrials] or
// above MaxDraws in all, or λ = 0 with a singular XᵀX (no unique OLS fit).
// MaxMagnitude bounds θ, x₀, σ and the entries of a given X, and MaxLambda
// bounds λ: far beyond any teaching example, near enough that every sum the
// experiment forms (XᵀX, XᵀY, YᵀY over up to 10,000 rows) stays finite.
const (
	MaxMagnitude = 1e6
	MaxLambda    = 1e9
)

func (s Spec) Check() error {
	n := len(s.X)
	if s.X == nil {
		if s.Design < 0 || s.Design > problems.DesignRandom {
			return fmt.Errorf("biasvar: design = %v, want one of uniform, line, diagonal, random", s.Design)
		}
		if err := checkRange("n", regressionParam("n"), float64(s.N)); err != nil {
			return err
		}
		if err := checkRange("seed", regressionParam("seed"), float64(s.Seed)); err != nil {
			return err
		}
		n = s.N
	} else {
		nPrm := regressionParam("n")
		if float64(n) < nPrm.Min || float64(n) > nPrm.Max {
			return fmt.Errorf("biasvar: X has %d rows, want %v to %v", n, nPrm.Min, nPrm.Max)
		}
		for i, r := range s.X {
			if !inReach(r) {
				return fmt.Errorf("biasvar: X row %d = %v, want numbers from -%g to %g", i, r, MaxMagnitude, MaxMagnitude)
			}
		}
	}
	for _, f := range []struct {
		name string
		v    [2]float64
	}{{"theta", s.Theta}, {"x0", s.X0}} {
		if !inReach(f.v) {
			return fmt.Errorf("biasvar: %s = %v, want numbers from -%g to %g", f.name, f.v, MaxMagnitude, MaxMagnitude)
		}
	}
	if s.Sigma < 0 || !(s.Sigma <= MaxMagnitude) {
		return fmt.Errorf("biasvar: sigma = %v, want σ from 0 to %g", s.Sigma, MaxMagnitude)
	}
	if s.Lambda < 0 || !(s.Lambda <= MaxLambda) {
		return fmt.Errorf("biasvar: lambda = %v, want λ from 0 to %g", s.Lambda, MaxLambda)
	}
	if s.Trials < 2 || s.Trials > MaxTrials {
		return fmt.Errorf("biasvar: trials = %d, want 2 to %d (a sample covariance needs two)", s.Trials, MaxTrials)
	}
	if draws := s.Trials * (n + 1); draws > MaxDraws {
		return fmt.Errorf("biasvar: trials = %d with n = %d costs %d draws, want at most %d; lower trials or n", s.Trials, n, draws, MaxDraws)
	}
	if s.Lambda != 0 {
		return nil
	}
	if x, _ := s.design(); newEigen(gram(x)).singular() {
		return fmt.Errorf("biasvar: lambda = 0 with a singular XᵀX (X's columns are parallel): OLS has no unique fit; want lambda > 0")
	}
	return nil
}

// inReach reports whether both numbers lie within ±MaxMagnitude (NaN does not).
func inReach(p [2]float64) bool {
	return math.Abs(p[0]) <= MaxMagnitude && math.Abs(p[1]) <= MaxMagnitude
}

// design returns s's design matrix and, when generated, its trial-0 noise.
func (s Spec) design() (x [][2]float64, noise []float64) {
	if s.X != nil {
		return s.X, nil
	}
	return problems.DrawData(s.Design, s.N, s.Seed)
}

// Dataset returns the one dataset the regression problem of Regression holds: the
// design and the targets of trial 0. It is nil for a design given by hand.
func (s Spec) Dataset() *problems.Dataset {
	if s.X != nil {
		return nil
	}
	return problems.NewDataset(s.Design, s.N, s.Theta, s.Sigma, s.Seed)
}

// regressionOrder is the order Regression writes the settings in: the regression
// problem's own.
var regressionOrder = []string{"n", "sigma", "lambda", "seed", "design", "theta1", "theta2"}

// Regression returns the regression problem's settings whose data are s's dataset
// (Dataset, trial 0) and whose loss (1/n)·(‖Y − Xθ‖² + λ‖θ‖²) is s's ridge objective
// divided by n: the same minimiser and level sets, with lambda = λ/n. It also returns
// them as the hash value of the problem key, "regression:n=…,…". A design given by
// hand, or a value outside the regression's ranges (λ/n above its λ's), is an error.
func (s Spec) Regression() (map[string]float64, string, error) {
	if s.X != nil {
		return nil, "", fmt.Errorf("biasvar: X given by hand: the regression problem only draws designs (uniform, line, diagonal, random)")
	}
	if err := s.Check(); err != nil {
		return nil, "", err
	}
	vals := map[string]float64{
		"n": float64(s.N), "sigma": s.Sigma, "lambda": s.Lambda / float64(s.N), "seed": float64(s.Seed),
		"design": float64(s.Design), "theta1": s.Theta[0], "theta2": s.Theta[1],
	}
	var b strings.Builder
	b.WriteString("regression:")
	for i, name := range regressionOrder {
		if err := checkRange(name, regressionParam(name), vals[name]); err != nil {
			return nil, "", fmt.Errorf("%w (the regression problem's %s, from this spec)", err, name)
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(name + "=" + strconv.FormatFloat(vals[name], 'g', -1, 64))
	}
	return vals, b.String(), nil
}
