package param

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
)

var (
	beta2 = Param{Name: "beta2", Symbol: "β₂", Default: 0.999, Min: 0, Max: 0.99999}
	lr    = Param{Name: "lr", Symbol: "α", Default: 0.05, Min: 1e-4, Max: 10, Log: true}
	batch = Param{Name: "batch", Symbol: "B", Default: 8, Min: 1, Max: 1000, Log: true, Integer: true}
	list  = List{lr, beta2, batch}
)

func TestCheck(t *testing.T) {
	cases := []struct {
		p    Param
		v    float64
		want string // "" for no error
	}{
		{lr, 0.05, ""},
		{lr, 1e-4, ""},
		{lr, 10, ""},
		{lr, 0, "adam lr = 0, want a value in [0.0001, 10]"},
		{lr, math.NaN(), "adam lr = NaN"},
		{lr, math.Inf(1), "adam lr = +Inf"},
		{batch, 2.5, "adam batch = 2.5, want a whole number in [1, 1000]"},
	}
	for _, c := range cases {
		err := c.p.Check("adam", c.v)
		if c.want == "" {
			if err != nil {
				t.Errorf("Check(%v): %v, want nil", c.v, err)
			}
			continue
		}
		if err == nil || !errors.Is(err, ErrRange) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Check(%v): %v, want an ErrRange containing %q", c.v, err, c.want)
		}
	}
}

func TestFull(t *testing.T) {
	full, err := list.Full("adam", map[string]float64{"lr": 0.2})
	if err != nil || !reflect.DeepEqual(full, map[string]float64{"lr": 0.2, "beta2": 0.999, "batch": 8}) {
		t.Errorf("Full: %v, %v", full, err)
	}
	if _, err := list.Full("adam", map[string]float64{"zeta": 1, "lr": 0.2}); !errors.Is(err, ErrUnknown) || !strings.Contains(err.Error(), "lr, beta2, batch") {
		t.Errorf("Full with an unknown name: %v, want ErrUnknown listing the valid names", err)
	}
}

func TestParseAndFormatRoundTrip(t *testing.T) {
	values, errs := list.Parse("adam", "lr=0.2,beta2=0.999,zeta=1,batch=2.5,,lr2")
	if want := map[string]float64{"lr": 0.2}; !reflect.DeepEqual(values, want) {
		t.Errorf("values %v, want %v (beta2 equals its default and is not kept)", values, want)
	}
	if len(errs) != 3 || !strings.Contains(errs[0].Error(), `"zeta"`) || !strings.Contains(errs[1].Error(), "whole number from 1 to 1000; kept 8") ||
		!strings.Contains(errs[2].Error(), `"lr2"`) {
		t.Errorf("errors %v, want zeta, batch's range and lr2", errs)
	}
	// ParseAll keeps a default written by hand, and does not claim the default
	// replaces a bad value: its caller decides what does.
	all, errs := list.ParseAll("adam", "beta2=0.999,batch=2.5")
	if all["beta2"] != 0.999 || len(errs) != 1 || !strings.HasSuffix(errs[0].Error(), "; ignored") || strings.Contains(errs[0].Error(), "kept") {
		t.Errorf("ParseAll: %v %v, want beta2 kept and batch's error ending in \"; ignored\"", all, errs)
	}
	if got := list.Format(map[string]float64{"batch": 4, "lr": 0.30000000000000004, "beta2": 0.999}); got != "lr=0.30000000000000004,batch=4" {
		t.Errorf("Format: %q", got)
	}
	back, errs := list.Parse("adam", list.Format(map[string]float64{"lr": 1.0 / 3, "batch": 7}))
	if len(errs) != 0 || back["lr"] != 1.0/3 || back["batch"] != 7 {
		t.Errorf("round trip: %v %v", back, errs)
	}
}

func TestQuoteIsBounded(t *testing.T) {
	long := strings.Repeat("x", 100000)
	if q := Quote(long); len([]rune(q)) > MaxQuoted+3 {
		t.Errorf("Quote kept %d characters of a 100000-character value", len([]rune(q)))
	}
	if q := Quote("a\"b"); q != `"a\"b"` {
		t.Errorf("Quote(a\"b) = %s", q)
	}
}

// TestSliderEndsAreValid: a slider's ends are the range's ends, and every
// position gives a value the parameter accepts (β₂'s end, 0.99999, used to
// round to 1 and be refused).
func TestSliderEndsAreValid(t *testing.T) {
	for _, p := range list {
		if got := p.FromSlider(SliderSteps); got != p.Max {
			t.Errorf("%s: right end %v, want %v", p.Name, got, p.Max)
		}
		if got := p.FromSlider(0); got != p.Min {
			t.Errorf("%s: left end %v, want %v", p.Name, got, p.Min)
		}
		for pos := 0; pos <= SliderSteps; pos++ {
			v := p.FromSlider(pos)
			if err := p.Check("x", v); err != nil {
				t.Fatalf("%s at %d: %v", p.Name, pos, err)
			}
			// Showing a value and reading the slider back keeps the value:
			// dragging never jumps.
			if again := p.FromSlider(p.SliderPos(v)); again != v {
				t.Errorf("%s: position %d gives %v, shown at %d, which gives %v", p.Name, pos, v, p.SliderPos(v), again)
			}
		}
	}
}

func TestKnown(t *testing.T) {
	problems := []string{"quadratic", "ill-conditioned", "rotated", "regression", "rosenbrock", "beale", "himmelblau",
		"booth", "matyas", "goldstein-price", "mccormick", "three-hump-camel", "six-hump-camel", "styblinski-tang"}
	cases := []struct{ name, want string }{
		{"rosenbrok", "did you mean rosenbrock?"},
		{"Rosenbrock", "did you mean rosenbrock?"},
		{"himelblau", "did you mean himmelblau?"},
		{"zzz", "none of the 14 problems is close"},
		{strings.Repeat("x", 100000), "none of the 14 problems is close"},
	}
	for _, c := range cases {
		if got := Known(c.name, problems, "problems"); got != c.want {
			t.Errorf("Known(%.12q): %q, want %q", c.name, got, c.want)
		}
	}
	if got := Known("warp", []string{"gd", "sgd", "adam"}, "optimizers"); got != "known: gd, sgd, adam" {
		t.Errorf("a short list is given whole: %q", got)
	}
}

// TestNumberAsJavaScriptWritesIt: Number writes what String(v) gives in
// JavaScript (checked there by hand), exponents past 1e21 and below 1e-6.
func TestNumberAsJavaScriptWritesIt(t *testing.T) {
	for v, want := range map[float64]string{
		0: "0", 1: "1", -2.5: "-2.5", 1e6: "1000000", 1e20: "100000000000000000000", 1e21: "1e+21",
		0.000001: "0.000001", 1e-7: "1e-7", -1.5e-10: "-1.5e-10", 1.7976931348623157e308: "1.7976931348623157e+308",
		math.NaN(): "NaN", math.Inf(1): "Infinity", math.Inf(-1): "-Infinity",
	} {
		if got := Number(v); got != want {
			t.Errorf("Number(%v) = %q, want %q", v, got, want)
		}
	}
}
