package jsapi

import (
	"math"
	"strings"
	"testing"
)

// TestBiasVarianceSaysWhatCame: values a script can pass but JSON could not
// carry (NaN, Infinity, a function) are refused by name, the field named,
// and a good spec answers with the four parts.
func TestBiasVarianceSaysWhatCame(t *testing.T) {
	for wantErr, spec := range map[string]map[string]any{
		"sigma: got NaN, want a number":                      {"sigma": math.NaN()},
		"lambda: got Infinity, want a number":                {"lambda": math.Inf(1)},
		"x0: got a function, want two numbers":               {"x0": Unsupported("a function")},
		"theta: got [1, -Infinity], want two numbers [a, b]": {"theta": []any{1.0, math.Inf(-1)}},
	} {
		got := BiasVariance([]any{spec})
		msg, _ := got["error"].(string)
		if !strings.Contains(msg, wantErr) || !strings.HasPrefix(msg, "biasVariance: ") {
			t.Errorf("%v: got %v, want an error with %q", spec, got, wantErr)
		}
	}
	got := BiasVariance([]any{map[string]any{"n": 12.0, "lambda": 2.0}})
	for _, k := range []string{"theory", "sample", "curve", "best"} {
		if got[k] == nil {
			t.Errorf("a good spec: no %s in %v", k, got)
		}
	}
	if _, bad := got["error"]; bad {
		t.Errorf("a good spec: %v", got["error"])
	}
}
