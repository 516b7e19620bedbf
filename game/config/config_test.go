package config

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"descent/problems"
)

func TestParseExample(t *testing.T) {
	// The example of the skeleton issue.
	c, errs := Parse("problem=rosenbrock&start=-1.5,2&o=gd:lr=0.1;adam:lr=0.05")
	if len(errs) != 0 {
		t.Fatalf("errors %v, want none", errs)
	}
	if c.Problem != "rosenbrock" || !c.HasStart || c.Start != [2]float64{-1.5, 2} {
		t.Errorf("got problem %q start %v (%v)", c.Problem, c.Start, c.HasStart)
	}
	want := []Runner{
		{Optimizer: "gd", Params: map[string]float64{"lr": 0.1}},
		{Optimizer: "adam", Params: map[string]float64{"lr": 0.05}},
	}
	if !reflect.DeepEqual(c.Runners, want) {
		t.Errorf("runners %+v, want %+v", c.Runners, want)
	}
}

func TestRoundTrip(t *testing.T) {
	hashes := []string{
		"problem=beale&start=1,1.5&o=gd;momentum:lr=0.01,m=0.8&speed=5&seed=7&view=-1,1,-2,2&paused=1&embed=1",
		"expr=x^2+3*y^2-sin(x*y)&o=adam:lr=0.2&lbfgs=1",
		"problem=ill-conditioned&o=gd;momentum&arrows=1&follow=2",
		Default().Hash(),
	}
	for _, h := range hashes {
		c, errs := Parse(h)
		if len(errs) != 0 {
			t.Fatalf("Parse(%q): %v", h, errs)
		}
		c2, errs := Parse(c.Hash())
		if len(errs) != 0 {
			t.Fatalf("Parse(Hash()) = %q: %v", c.Hash(), errs)
		}
		if !reflect.DeepEqual(c, c2) {
			t.Errorf("round trip of %q:\n got %+v\nwant %+v", h, c2, c)
		}
	}
}

func TestBadInputIsReportedAndSkipped(t *testing.T) {
	cases := []struct {
		hash    string
		wantErr string // a fragment the message must contain
		check   func(Config) bool
	}{
		{"problem=nope", `no problem "nope"`, func(c Config) bool { return c.Problem == Default().Problem }},
		{"start=1", "two numbers", func(c Config) bool { return !c.HasStart }},
		{"start=a,b", "two numbers", func(c Config) bool { return !c.HasStart }},
		{"start=NaN,1", "two numbers", func(c Config) bool { return !c.HasStart }},
		{"o=gd;warp:lr=1", `no optimizer "warp"`, func(c Config) bool { return len(c.Runners) == 1 && c.Runners[0].Optimizer == "gd" }},
		{"o=gd:lr=500", "lr", func(c Config) bool { _, set := c.Runners[0].Params["lr"]; return !set }},
		{"o=sgd:batch=2.5", "whole number", func(c Config) bool { _, set := c.Runners[0].Params["batch"]; return !set }},
		{"o=gd:zeta=1", `no parameter "zeta"`, func(c Config) bool { return len(c.Runners) == 1 }},
		{"o=", "no usable optimizer", func(c Config) bool { return len(c.Runners) == len(Default().Runners) }},
		{"speed=0", "speed", func(c Config) bool { return c.Speed == DefaultSpeed }},
		{"speed=1e9", "speed", func(c Config) bool { return c.Speed == DefaultSpeed }},
		{"view=1,0,0,1", "view", func(c Config) bool { return !c.HasView }},
		{"colour=red", `"colour" is not a setting`, func(c Config) bool { return true }},
		{"expr=x^^2", "expr", func(c Config) bool { return c.Expr == "" }},
		{"expr=%zz", "encoded", func(c Config) bool { return c.Expr == "" }},
		{"paused=maybe", "paused", func(c Config) bool { return !c.Paused }},
		{"arrows=2", "arrows", func(c Config) bool { return !c.Arrows }},
		{"follow=9", "follow: \"9\" is not a runner's number from 1 to 8", func(c Config) bool { return c.Follow == 0 }},
		{"follow=-1", "follow", func(c Config) bool { return c.Follow == 0 }},
		{"o=gd;adam&follow=3", "follow: there is no runner 3 (there are 2); following none", func(c Config) bool { return c.Follow == 0 }},
		{"<script>alert(1)</script>", "not a setting", func(c Config) bool { return true }},
		{"scene=dartboard", `no scene "dartboard"`, func(c Config) bool { return c.Scene == "race" }},
		{"view=0,1e-320,0,1e-320", "too narrow", func(c Config) bool { return !c.HasView }},
		{"preset=fig9", `no preset "fig9"`, func(c Config) bool { return c.Problem == Default().Problem }},
		{"speed=" + strings.Repeat("9", 100000), "speed", func(c Config) bool { return c.Speed == DefaultSpeed }},
	}
	for _, tc := range cases {
		t.Run(tc.hash, func(t *testing.T) {
			c, errs := Parse(tc.hash)
			if len(errs) == 0 {
				t.Fatalf("no error, want one containing %q", tc.wantErr)
			}
			if !strings.Contains(errs[0].Error(), tc.wantErr) {
				t.Errorf("error %q, want it to contain %q", errs[0], tc.wantErr)
			}
			if !tc.check(c) {
				t.Errorf("config after bad input: %+v", c)
			}
		})
	}
}

func TestOtherKeysApplyDespiteBadOnes(t *testing.T) {
	c, errs := Parse("problem=bogus&speed=3&start=x,y&seed=9")
	if len(errs) != 2 {
		t.Errorf("got %d errors (%v), want 2", len(errs), errs)
	}
	if c.Speed != 3 || c.Seed != 9 {
		t.Errorf("speed %d seed %d, want 3 and 9", c.Speed, c.Seed)
	}
}

func TestChangingProblemResetsStartAndView(t *testing.T) {
	base, _ := Parse("problem=beale&start=1,1&view=-1,1,-1,1")
	c, _ := Apply(base, "problem=rosenbrock")
	if c.HasStart || c.HasView {
		t.Errorf("start/view kept across a problem change: %+v", c)
	}
	c, _ = Apply(base, "problem=beale&speed=2")
	if !c.HasStart || !c.HasView {
		t.Errorf("start/view dropped though the problem stayed: %+v", c)
	}
	c, _ = Apply(base, "problem=rosenbrock&start=0,0")
	if !c.HasStart || c.Start != [2]float64{0, 0} {
		t.Errorf("explicit start lost: %+v", c)
	}
}

func TestApplyDoesNotAliasBase(t *testing.T) {
	base := Default()
	c, _ := Apply(base, "")
	c.Runners[0].Optimizer = "changed"
	if base.Runners[0].Optimizer == "changed" {
		t.Errorf("Apply shares the runner slice with its base")
	}
}

func TestEscapeKeepsFormulaReadable(t *testing.T) {
	got := escape("x^2 + 3*y^2 - sin(x/y)")
	want := "x^2%20%2B%203*y^2%20-%20sin(x/y)"
	if got != want {
		t.Errorf("escape = %q, want %q", got, want)
	}
	back, err := unescape(got)
	if err != nil || back != "x^2 + 3*y^2 - sin(x/y)" {
		t.Errorf("unescape = %q, %v", back, err)
	}
}

func TestSameRace(t *testing.T) {
	base, _ := Parse("problem=beale&start=1,1&o=gd:lr=0.01;adam")
	cases := []struct {
		change string
		same   bool
	}{
		{"speed=9", true},
		{"paused=1", true},
		{"view=-1,1,-1,1", true},
		{"o=gd:lr=0.01;adam:lr=" + strconv.FormatFloat(Default().Baseline("adam")["lr"], 'g', -1, 64), false},
		{"o=gd:lr=0.01;adam:lr=" + strconv.FormatFloat(base.Baseline("adam")["lr"], 'g', -1, 64), true}, // Beale's recommendation, written out: the same runner
		{"lbfgs=1", true}, // the reference path is beside the race, not in it
		{"o=gd:lr=0.02;adam", false},
		{"o=gd:lr=0.01", false},
		{"start=1,2", false},
		{"problem=rosenbrock", false},
		{"seed=5", false},
	}
	for _, c := range cases {
		o, errs := Apply(base, c.change)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		if got := base.SameRace(o); got != c.same {
			t.Errorf("SameRace after %q = %v, want %v", c.change, got, c.same)
		}
	}
}

func TestCloneSharesNothing(t *testing.T) {
	c, _ := Parse("o=gd:lr=0.01")
	d := c.Clone()
	d.Runners[0].Params["lr"] = 1
	d.Runners = append(d.Runners, Runner{Optimizer: "adam"})
	if c.Runners[0].Params["lr"] != 0.01 || len(c.Runners) != 1 {
		t.Errorf("changing the clone changed the original: %+v", c)
	}
}

func TestProblemSettings(t *testing.T) {
	c, errs := Parse("problem=rotated:kappa=50,angle=45")
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if c.Problem != "rotated" || c.Settings["kappa"] != 50 || c.Settings["angle"] != 45 {
		t.Errorf("got %q %v", c.Problem, c.Settings)
	}
	p, err := c.Resolve()
	if err != nil {
		t.Fatal(err)
	}
	if got := p.ParamValues(); got["kappa"] != 50 || got["angle"] != 45 {
		t.Errorf("surface built with %v, want kappa 50 and angle 45", got)
	}
	if h := c.Hash(); !strings.Contains(h, "problem=rotated:kappa=50,angle=45") {
		t.Errorf("Hash() = %q", h)
	}
	c, errs = Parse("problem=rotated:kappa=0,zeta=1,angle=10")
	if len(errs) != 2 || !strings.Contains(errs[0].Error(), "kappa") || !strings.Contains(errs[1].Error(), `"zeta"`) {
		t.Errorf("errors %v, want one for kappa's range and one for zeta", errs)
	}
	if c.Problem != "rotated" || c.Settings["angle"] != 10 {
		t.Errorf("the good parts did not apply: %q %v", c.Problem, c.Settings)
	}
	c, errs = Parse("problem=regression:n=10.5")
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "whole number") {
		t.Errorf("errors %v, want one asking for a whole number", errs)
	}
	base, _ := Parse("problem=rotated:kappa=50")
	same, _ := Apply(base, "speed=4")
	other, _ := Apply(base, "problem=rotated:kappa=60")
	if !base.SameRace(same) || base.SameRace(other) || base.SameSurface(other) {
		t.Errorf("SameRace/SameSurface do not follow the settings")
	}
}

// FuzzApply: no hash, however broken, panics or leaves a config that does not
// survive its own round trip.
func FuzzApply(f *testing.F) {
	for _, seed := range []string{
		"", Default().Hash(), "problem=rotated:kappa=50,angle=45&start=1,2&o=sgd:batch=4;adam&lbfgs=1",
		"expr=x^2%2By&view=-1,1,-1,1&speed=7", "o=;;:=,=&problem=:&start=,", "%zz&&==&o=gd:lr=1e999",
		"<img src=x onerror=alert(1)>", "layout=grid&problem=rosenbrock&o=gd:lr=0.05;gd;momentum:m=0.9", "preset=fig2b&layout=nope",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, hash string) {
		c, _ := Parse(hash)
		if _, err := c.Resolve(); err != nil {
			t.Fatalf("Parse(%q) kept a config without a surface: %v", hash, err)
		}
		again, errs := Parse(c.Hash())
		if len(errs) != 0 {
			t.Fatalf("Parse(%q).Hash() = %q does not parse cleanly: %v", hash, c.Hash(), errs)
		}
		if !reflect.DeepEqual(again, c) {
			t.Fatalf("Parse(c.Hash()) is not c for c = Parse(%q):\n got %+v\nwant %+v", hash, again, c)
		}
		for _, err := range errs {
			if n := len([]rune(err.Error())); n > 200 {
				t.Fatalf("a message of %d characters for %q", n, hash)
			}
		}
	})
}

// TestMessagesQuoteAtMost80Characters: a huge bad value from a link is cut in
// the message, not echoed whole into the page.
func TestMessagesQuoteAtMost80Characters(t *testing.T) {
	huge := strings.Repeat("<script>alert(1)</script>", 4000)
	for _, hash := range []string{huge, "problem=" + huge, "o=" + huge, "start=" + huge, "expr=" + huge, "seed=" + huge,
		"o=gd:lr=" + huge, "preset=" + huge, huge + "=1", "__proto__=1", "o=gd:__proto__=1", "view=" + huge, "speed=" + huge,
		"problem=rotated:" + huge, "expr=x^^" + huge, "scene=" + huge, "paused=" + huge, "o=gd;" + huge + ":lr=1"} {
		_, errs := Parse(hash)
		if len(errs) == 0 {
			t.Errorf("no message for a 100000-character value in %.20q", hash)
		}
		for _, err := range errs {
			if n := len([]rune(err.Error())); n > 200 {
				t.Errorf("%.20q: a message of %d characters: %.120s…", hash, n, err)
			}
		}
	}
}

// TestEmbedIsReadOneWay: every spelling the parser accepts gives one config,
// written back one way.
func TestEmbedIsReadOneWay(t *testing.T) {
	for _, h := range []string{"embed=1", "embed=true", "embed", "embed="} {
		c, errs := Parse(h)
		if len(errs) != 0 || !c.Embed || !strings.Contains(c.Hash(), "embed=1") {
			t.Errorf("%s: embed %v, hash %q, errors %v", h, c.Embed, c.Hash(), errs)
		}
	}
}

// TestPresetKeyIsDecoded: the preset's name is %-decoded like every other value.
func TestPresetKeyIsDecoded(t *testing.T) {
	a, errs := Parse("preset=%66ig2a")
	b, _ := Parse("preset=fig2a")
	if len(errs) != 0 || !reflect.DeepEqual(a, b) {
		t.Errorf("preset=%%66ig2a: %v, %+v", errs, a)
	}
}

// TestFormulaErrorPointsIntoALongFormula: in a long formula the message shows
// a window of the text around the fault, its caret under the fault, and the
// fault's place in the whole text.
func TestFormulaErrorPointsIntoALongFormula(t *testing.T) {
	src := strings.Repeat("x+", 100) + "*y" // the fault, '*', is character 201
	_, err := problems.Custom(src)
	if err == nil {
		t.Fatal("no error")
	}
	msg := FormulaError(src, err)
	lines := strings.Split(msg, "\n")
	if len(lines) != 3 || !strings.Contains(lines[0], "at character 201") {
		t.Fatalf("message %q, want the place in the whole text and two more lines", msg)
	}
	text, caret := []rune(strings.TrimPrefix(lines[1], "  ")), strings.Index(lines[2], "^")-2
	if caret < 0 || caret >= len(text) || text[caret] != '*' || len(text) > 40 {
		t.Errorf("caret at %d under %q, want it under the '*' of a window of at most 40 characters", caret, string(text))
	}
}

// TestLayoutSurvivesAPreset: the layout is how the page shows a setup, so
// choosing a preset side by side stays side by side; a bad layout is refused
// by name and the previous one kept.
func TestLayoutSurvivesAPreset(t *testing.T) {
	grid, errs := Parse("layout=grid")
	if len(errs) > 0 || !grid.Grid() {
		t.Fatalf("Parse(layout=grid): grid %v, errors %v; want grid and no error", grid.Grid(), errs)
	}
	if c, _ := Apply(grid, "preset=fig3"); !c.Grid() {
		t.Errorf("after preset=fig3 the layout is %q, want grid kept", c.Layout)
	}
	c, errs := Apply(grid, "layout=mosaic")
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), `"mosaic"`) || !c.Grid() {
		t.Errorf("layout=mosaic: errors %v, layout %q; want one naming \"mosaic\" and grid kept", errs, c.Layout)
	}
}

// TestSceneKeysOnlyInTheScene: the bias–variance scene's keys apply in that
// scene only, and its hash holds them with the shared seed once.
func TestSceneKeysOnlyInTheScene(t *testing.T) {
	c, errs := Parse("n=5&lambda=2")
	if len(errs) != 2 || !strings.Contains(errs[0].Error(), "n: only the bias-variance scene") || c.BV.N != Default().BV.N || c.BV.Lambda != Default().BV.Lambda {
		t.Errorf("scene keys in the race: errors %v, spec %+v; want both reported as ignored and the default spec", errs, c.BV)
	}
	c, errs = Parse("n=5&lambda=2&scene=bias-variance&seed=3")
	if len(errs) != 0 || c.Spec().N != 5 || c.Spec().Lambda != 2 || c.Spec().Seed != 3 {
		t.Errorf("in the scene: errors %v, spec %+v; want n 5, λ 2 and the shared seed 3", errs, c.Spec())
	}
	if h := c.Hash(); !strings.Contains(h, "n=5&lambda=2") || strings.Count(h, "seed=") != 1 {
		t.Errorf("the scene's hash %q: want its keys, and the seed once", h)
	}
}
