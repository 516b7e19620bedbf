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

func TestSpecOf(t *testing.T) {
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
		{`[1, 2]`, Spec{}, "spec is [1, 2], want an object"},
		{`{"X": [[1, 0], [0, 2, 3]]}`, Spec{}, "X: row 1: got [0, 2, 3], want two numbers"},
		{`{"X": [[1, 0], "a"]}`, Spec{}, `X: row 1: got "a", want two numbers`},
		{`{"X": 3}`, Spec{}, "X: got 3, want rows"},
		{`{"X": [[1, 2], [2, 4]]}`, Spec{}, "lambda = 0 with a singular XᵀX"},
		{`{"X": [[1, 0], [0, 1]], "n": 3}`, Spec{}, "n = 3 but X has 2 rows"},
		{`{"X": [[1, 0], [0, 1]], "design": "line"}`, Spec{}, "design and X both given"},
		{`{"theta": [1]}`, Spec{}, "theta: got [1], want two numbers"},
		{`{"x0": "far"}`, Spec{}, "x0: got \"far\""},
		{`{"sigma": -1}`, Spec{}, "sigma = -1"},
		{`{"sigma": "1"}`, Spec{}, `sigma: got "1", want a number`},
		{`{"design": 2}`, Spec{}, "design: got 2, want a name: uniform, line, diagonal, random"},
		{`{"X": [[1, 0], [0, 1], [1, 1], [2, 2], [3, 3, 3]]}`, Spec{}, "X: row 4: got [3, 3, 3], want two numbers"},
		{`{"X": [1, 2, 3, 4, 5, 6]}`, Spec{}, "X: row 0: got 1, want two numbers"},
		{`{"theta": [1, 2, 3, 4, 5, 6]}`, Spec{}, "theta: got [1, 2, 3, 4, …], want two numbers"},
		{`{"theta": [1000000, "a"]}`, Spec{}, `theta: got [1000000, "a"], want two numbers`},
		{`{"theta": [1, null]}`, Spec{}, "theta: got [1, null], want two numbers"},
		{`{"x0": {"a": 1}}`, Spec{}, "x0: got an object, want two numbers"},
		{`{"trials": 100001}`, Spec{}, "trials = 100001"},
		{`{"trials": 2.5}`, Spec{}, "trials: 2.5 is not a whole number"},
		{`{"seed": -1}`, Spec{}, "seed: -1 is negative"},
		{`{"design": "spiral"}`, Spec{}, `design: problems: no design "spiral"`},
		{`{"lamda": 1}`, Spec{}, `unknown field "lamda"`},
	} {
		var plain any // decoded JSON is plain values, as a JS object converts to
		if err := json.Unmarshal([]byte(tc.json), &plain); err != nil {
			t.Fatal(err)
		}
		got, err := SpecOf(plain)
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

// TestResultPlain: the JS API's answer has exactly the keys, each
// section exactly its struct's fields, and reads back (through JSON, whose
// decoder matches keys to fields whatever their case) as Compute's numbers.
func TestResultPlain(t *testing.T) {
	s := Default()
	s.Lambda = 2
	want, err := Compute(s)
	if err != nil {
		t.Fatal(err)
	}
	plain := want.Plain()
	keysOf := func(m map[string]any) []string { return slices.Sorted(maps.Keys(m)) }
	fieldsOf := func(v any) []string {
		ty := reflect.TypeOf(v)
		var names []string
		for i := range ty.NumField() {
			names = append(names, strings.ToLower(ty.Field(i).Name))
		}
		slices.Sort(names)
		return names
	}
	lower := func(keys []string) []string {
		for i := range keys {
			keys[i] = strings.ToLower(keys[i])
		}
		slices.Sort(keys)
		return keys
	}
	if keys := keysOf(plain); !slices.Equal(keys, []string{"best", "curve", "sample", "theory"}) {
		t.Errorf("got keys %v, want best, curve, sample, theory", keys)
	}
	for name, section := range map[string]any{"theory": want.Theory, "sample": want.Sample, "best": want.Best} {
		if got, wantKeys := lower(keysOf(plain[name].(map[string]any))), fieldsOf(section); !slices.Equal(got, wantKeys) {
			t.Errorf("%s: got keys %v, want its fields %v", name, got, wantKeys)
		}
	}
	if got, wantKeys := lower(keysOf(plain["curve"].([]any)[0].(map[string]any))), fieldsOf(CurvePoint{}); !slices.Equal(got, wantKeys) {
		t.Errorf("curve: got keys %v, want its fields %v", got, wantKeys)
	}
	data, err := json.Marshal(plain)
	if err != nil {
		t.Fatal(err)
	}
	var got Result
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	want.Estimates = nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

// Plain is what SpecOf reads back as the same spec, a design or X.
func TestSpecPlainReadsBack(t *testing.T) {
	for _, s := range []Spec{Default(), with(func(s *Spec) { s.Lambda, s.Sigma, s.Seed, s.Trials = 0.3, 2, 7, 50 }),
		with(func(s *Spec) { s.X, s.N = [][2]float64{{1, 0}, {0, 2}, {1, 1}}, 3 })} {
		got, err := SpecOf(s.Plain())
		if err != nil || !reflect.DeepEqual(got, s) {
			t.Errorf("SpecOf(%v.Plain()) = %+v, %v; want it back", s, got, err)
		}
	}
}
