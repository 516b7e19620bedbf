package config

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"descent/optim"
	"descent/problems"
)

func readme(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestREADMENamesEveryProblemAndOptimizer keeps the README's lists of hash
// values in step with the catalogs they document: every name and every
// parameter appears whole, in backticks (a parameter called `m` is not found
// inside "momentum").
func TestREADMENamesEveryProblemAndOptimizer(t *testing.T) {
	text := readme(t)
	has := func(name string) bool { return strings.Contains(text, "`"+name+"`") }
	for _, p := range problems.All() {
		if !has(p.Name) {
			t.Errorf("README does not name the problem `%s`", p.Name)
		}
		for _, q := range p.Params {
			if !has(q.Name) {
				t.Errorf("README does not name %s's parameter `%s`", p.Name, q.Name)
			}
		}
	}
	for _, s := range optim.Specs() {
		if !has(s.Name) {
			t.Errorf("README does not name the optimizer `%s`", s.Name)
		}
		for _, q := range s.Params {
			if !has(q.Name) {
				t.Errorf("README does not name %s's parameter `%s`", s.Name, q.Name)
			}
		}
	}
	for _, p := range Presets() {
		if !has(p.Name) {
			t.Errorf("README does not name the preset `%s`", p.Name)
		}
	}
}

// TestREADMEKeyTableIsTheKeyTable: the README's table of hash keys lists
// exactly the keys Apply knows, in their order.
func TestREADMEKeyTableIsTheKeyTable(t *testing.T) {
	text := readme(t)
	start := strings.Index(text, "| hash key | meaning |")
	if start < 0 {
		t.Fatal("README has no table headed | hash key | meaning |")
	}
	table, _, _ := strings.Cut(text[start:], "\n\n")
	row := regexp.MustCompile("(?m)^\\| `([a-z0-9]+)`")
	var got []string
	for _, m := range row.FindAllStringSubmatch(table, -1) {
		got = append(got, m[1])
	}
	if want := KeyNames(); !slices.Equal(got, want) {
		t.Errorf("README's hash keys: %v\nwant (config.Keys): %v", got, want)
	}
}
