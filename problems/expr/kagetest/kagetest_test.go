package kagetest

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	good := "t0 := x*x // 2 squared\nreturn t0 + 2.0*Consts[3], 1.0"
	if err := Check(good, nil); err != nil {
		t.Errorf("good Kage refused: %v", err)
	}
	bad := map[string]string{
		"return (x, 1.0":     "unclosed",
		"return x), 1.0":     "unbalanced",
		"return x^2.0, 1.0":  "'^'",
		"return 1/2, 1.0":    "integer literal \"1\"",
		"return 1e3, 1.0":    "integer literal \"1e3\"",
		"return wat(x), 1.0": "unexpected name \"wat\"",
	}
	known := func(name string) bool { return name == "return" || name == "x" }
	for src, want := range bad {
		if err := Check(src, known); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Check(%q): %v, want an error containing %s", src, err, want)
		}
	}
}
