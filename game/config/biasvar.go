package config

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"descent/optim/param"
	"descent/problems/biasvar"
)

// BiasVariance is the scene of the notes' §1.2: many datasets, their ridge fits, and
// the error's split into bias², variance and noise (package biasvar).
const BiasVariance = "bias-variance"

// sceneKeyNames are the bias–variance scene's own hash keys, as biasvar.Spec.Set
// reads them; seed is the shared key. They are written only in that scene.
var sceneKeyNames = []string{"n", "sigma", "lambda", "theta", "x0", "trials", "design"}

// sceneKeyMeanings say what each scene key means, for the README's table.
var sceneKeyMeanings = map[string]string{
	"n":      "bias–variance scene: how many points a dataset has",
	"sigma":  "bias–variance scene: the noise's standard deviation σ",
	"lambda": "bias–variance scene: the ridge penalty λ (0 is least squares)",
	"theta":  "bias–variance scene: the true θ, `a,b`",
	"x0":     "bias–variance scene: the test input x₀, `a,b`",
	"trials": "bias–variance scene: how many datasets the Monte Carlo draws",
	"design": "bias–variance scene: the design, `line`, `diagonal`, `random` or `uniform`",
}

// The scene's keys and its dartboard switch join the tables when the package
// starts (they refer to keys, so those are set first); its presets join on
// first use (presets).
var _ = func() bool {
	for _, name := range sceneKeyNames {
		keys = append(keys, Key{Name: name, Meaning: sceneKeyMeanings[name], apply: sceneKey(name)})
	}
	keys = append(keys, Key{Name: "dartboard", Meaning: "bias–variance scene: `dartboard=1` shows Figure 1's four targets side by side",
		apply: boolKey("dartboard", func(c *Config) *bool { return &c.Dartboard })})
	Scenes = append(Scenes, BiasVariance)
	return true
}()

// sceneKey applies the scene key name through biasvar.Spec.Set, which checks the
// whole spec; the seed is checked by its own key.
func sceneKey(name string) func(c *Config, base Config, val string) []error {
	return func(c *Config, base Config, val string) []error {
		s := c.BV
		s.Seed = biasvar.Default().Seed
		if err := s.Set(name, val); err != nil {
			msg := strings.TrimPrefix(err.Error(), "biasvar: ")
			// Set names the key and quotes the value whole; a long one is cut.
			if len(val) > param.MaxQuoted {
				kept := ""
				if i := strings.LastIndex(msg, "; kept "); i >= 0 {
					kept = msg[i:]
				}
				msg = name + ": " + param.Quote(val) + " is not a usable value" + kept
			}
			return []error{errors.New(msg)}
		}
		c.BV = s
		return nil
	}
}

// dropSceneKeys keeps the scene's settings only in the scene, where the hash writes
// them (so that a link gives back what it was made from): elsewhere they return to
// their defaults, and each one the hash set is reported as ignored.
func (c *Config) dropSceneKeys(seen map[string]bool) []error {
	if c.Scene == BiasVariance {
		return nil
	}
	var errs []error
	for _, k := range append(slices.Clip(sceneKeyNames), "dartboard") {
		if seen[k] {
			errs = append(errs, fmt.Errorf("%s: only the bias-variance scene reads it (add scene=%s); ignored", k, BiasVariance))
		}
	}
	c.BV, c.Dartboard = biasvar.Default(), false
	return errs
}

// Spec returns the bias–variance experiment the config describes: its scene keys
// with the shared seed.
func (c Config) Spec() biasvar.Spec {
	s := c.BV
	s.Seed = c.Seed
	return s
}

// sceneHash returns the scene's keys that differ from their defaults, for Hash.
func (c Config) sceneHash() []string {
	if c.Scene != BiasVariance {
		return nil
	}
	s := c.BV
	s.Seed = biasvar.Default().Seed // the seed is written by its own key
	var parts []string
	if kv := s.Format(); kv != "" {
		for _, p := range strings.Split(kv, "&") {
			k, v, _ := strings.Cut(p, "=")
			parts = append(parts, k+"="+escape(v))
		}
	}
	if c.Dartboard {
		parts = append(parts, "dartboard=1")
	}
	return parts
}
