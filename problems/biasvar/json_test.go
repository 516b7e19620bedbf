package biasvar

import (
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"descent/problems"
)

func TestParseSpec(t *testing.T) {
	with := func(f func(*Spec)) Spec {
		s := Default()
		f(&s)
		return s
	}
	for _, tc := range []struct {
		json string
		want Spec   // when err is ""
		err  string // a piece of the error naming the field
	}{
		{`{}`, Default(), ""},
		{`{"lambda": null, "sigma": 2}`, with(func(s *Spec) { s.Sigma = 2 }), ""},
		{`{"design": "random", "n": 30, "theta": [0.5, -1], "x0": [2, 0], "lambda": 3, "trials": 50, "seed": 7}`,
			with(func(s *Spec) {
				s.Design, s.N, s.Theta, s.X0, s.Lambda, s.Trials, s.Seed = problems.DesignRandom, 30, [2]float64{0.5, -1}, [2]float64{2, 0}, 3, 50, 7
			}), ""},
		{`{"X": [[1, 0], [0, 2], [1, 1]]}`, with(func(s *Spec) { s.X, s.N = [][2]float64{{1, 0}, {0, 2}, {1, 1}}, 3 }), ""},
		{`[1, 2]`, Spec{}, "not a JSON object"},
		{`{"X": [[1, 0], [0, 2, 3]]}`, Spec{}, "X: row 1: got [0, 2, 3], want two numbers"},
		{`{"X": [[1, 0], "a"]}`, Spec{}, "X: row 1"},
		{`{"X": 3}`, Spec{}, "X: got 3, want rows"},
		{`{"X": [[1, 2], [2, 4]]}`, Spec{}, "lambda = 0 with a singular XᵀX"},
		{`{"X": [[1, 0], [0, 1]], "n": 3}`, Spec{}, "n = 3 but X has 2 rows"},
		{`{"X": [[1, 0], [0, 1]], "design": "line"}`, Spec{}, "design and X both given"},
		{`{"theta": [1]}`, Spec{}, "theta: got [1], want two numbers"},
		{`{"x0": "far"}`, Spec{}, "x0: got \"far\""},
		{`{"sigma": -1}`, Spec{}, "sigma = -1"},
		{`{"sigma": "1"}`, Spec{}, "sigma: json"},
		{`{"trials": 100001}`, Spec{}, "trials = 100001"},
		{`{"trials": 2.5}`, Spec{}, "trials: 2.5 is not a whole number"},
		{`{"seed": -1}`, Spec{}, "seed: -1 is negative"},
		{`{"design": "spiral"}`, Spec{}, `design: problems: no design "spiral"`},
		{`{"lamda": 1}`, Spec{}, `unknown field "lamda"`},
	} {
		got, err := ParseSpec([]byte(tc.json))
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%s: got %v, want no error", tc.json, err)
		case tc.err == "" && !reflect.DeepEqual(got, tc.want):
			t.Errorf("%s: got %+v, want %+v", tc.json, got, tc.want)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err) || !strings.HasPrefix(err.Error(), "biasvar: ")):
			t.Errorf("%s: got error %v, want one starting biasvar: with %q", tc.json, err, tc.err)
		}
	}
}

// TestComputeJSON: the JS API's answer has exactly the keys, and decodes to
// Compute's numbers.
func TestComputeJSON(t *testing.T) {
	out, err := ComputeJSON([]byte(`{"lambda": 2}`))
	if err != nil {
		t.Fatal(err)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(out, &top); err != nil {
		t.Fatal(err)
	}
	if keys := slices.Sorted(maps.Keys(top)); !slices.Equal(keys, []string{"best", "curve", "sample", "theory"}) {
		t.Errorf("got keys %v, want best, curve, sample, theory", keys)
	}
	var got Result
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	s := Default()
	s.Lambda = 2
	want, _ := Compute(s)
	want.Estimates = nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if _, err := ComputeJSON([]byte(`{"sigma": -1}`)); err == nil {
		t.Error("σ = −1: got no error, want one")
	}
}
