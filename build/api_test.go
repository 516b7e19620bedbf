//go:build !(js && wasm)

package main

// The URL hash and the window.descent API: bad input is reported, never obeyed.

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

func TestBadHashIsReportedAndIgnored(t *testing.T) {
	tb := open(t, "problem=nope&speed=fast&o=gd;warp&start=1,2")
	st := tb.state()
	if st.Problem != "ill-conditioned" || st.Start != [2]float64{1, 2} || len(st.Runners) != 1 {
		t.Errorf("state %+v: want the default problem, the good start and the one known optimizer", st)
	}
	msg := eval[string](tb, `document.getElementById("messages").textContent`)
	for _, want := range []string{`"nope"`, `speed`, `"warp"`} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not mention %s", msg, want)
		}
	}
	got := eval[[]string](tb, `descent.configure("problem=rosenbrock&bogus=1")`)
	if len(got) != 1 || !strings.Contains(got[0], "bogus") {
		t.Errorf("configure returned %q, want one problem naming bogus", got)
	}
	if st := tb.state(); st.Problem != "rosenbrock" {
		t.Errorf("configure did not apply the good key: problem %q", st.Problem)
	}
}

func TestAHostileLinkRunsNoScript(t *testing.T) {
	hash := `expr=%3Cimg%20src%3Dx%20onerror%3D%22window.pwned%3D1%22%3E&%3Cscript%3Ewindow.pwned%3D2%3C%2Fscript%3E=1&o=gd:lr=%3Cb%3E`
	tb := open(t, hash)
	nextFrame(tb)
	if eval[bool](tb, "window.pwned !== undefined") {
		t.Fatalf("a link ran script")
	}
	if n := eval[int](tb, `document.querySelectorAll("#messages *, #legend img, #legend script").length`); n != 0 {
		t.Errorf("%d elements were made from the link's text", n)
	}
	msg := eval[string](tb, `document.getElementById("messages").textContent`)
	if !strings.Contains(msg, "<script>") || !strings.Contains(msg, "expr") {
		t.Errorf("messages %q, want the bad parts named as plain text", msg)
	}
	if st := tb.state(); st.Problem != "ill-conditioned" || len(st.Runners) != 1 {
		t.Errorf("state after a hostile link: %+v", st)
	}
}

// TestREADMEExampleRuns runs the README's first JS example and compares what
// it prints with the output the README shows.
func TestREADMEExampleRuns(t *testing.T) { checkREADMEExample(t, "descent.configure(") }

// checkREADMEExample runs the README's js example that contains call, in a
// fresh page, and compares what its last line prints (JSON) with its closing
// "// " comment.
func checkREADMEExample(t *testing.T, call string) {
	t.Helper()
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	i := strings.Index(text, call)
	start := strings.LastIndex(text[:max(i, 0)], "```js\n")
	if i < 0 || start < 0 {
		t.Fatalf("README has no js example of %s…)", call)
	}
	block := text[start+len("```js\n"):]
	block = block[:strings.Index(block, "```")]
	var code []string
	want := ""
	for _, line := range strings.Split(strings.TrimSpace(block), "\n") {
		if out, ok := strings.CutPrefix(line, "// "); ok {
			want = out
		} else if !strings.HasPrefix(line, "await ") {
			code = append(code, line)
		}
	}
	tb := open(t, "")
	last := code[len(code)-1]
	got := eval[string](tb, "(() => {"+strings.Join(code[:len(code)-1], "\n")+"\nreturn JSON.stringify("+strings.TrimSuffix(last, ";")+")})()")
	if got != want {
		t.Errorf("the README's example prints %s, the README says %s", got, want)
	}
}

func TestAPIRefusesBadArgumentsWithoutStopping(t *testing.T) {
	tb := open(t, "paused=1")
	for _, call := range []string{
		`descent.trajectory({start: ["a", "b"]})`,
		`descent.trajectory({problem: "nope"})`,
		`descent.trajectory({optimizer: "adam", params: {lr: "fast"}})`,
		`descent.trajectory({steps: -5})`,
		`descent.trajectory(42)`,
	} {
		if e := eval[map[string]any](tb, call); e["error"] == nil {
			t.Errorf("%s gave %v, want an error", call, e)
		}
	}
	// The page still works.
	if st := eval[stateJS](tb, "descent.step(3)"); st.Step != 3 {
		t.Errorf("step after the bad calls: %d, want 3", st.Step)
	}
}

// TestHostileHashesRunNothingAndSayLittle: script payloads in every key, a
// 100 kB value, unicode and __proto__ run no script, change no prototype, and
// every message about them stays under 200 characters (issue 11).
func TestHostileHashesRunNothingAndSayLittle(t *testing.T) {
	tb := open(t, "paused=1")
	payload := `%3Cimg%20src%3Dx%20onerror%3D%22window.pwned%3D1%22%3E`
	var hashes []string
	for _, key := range []string{"preset", "scene", "problem", "expr", "start", "o", "lbfgs", "speed", "seed", "view", "paused", "embed", payload} {
		hashes = append(hashes, key+"="+payload)
	}
	hashes = append(hashes, "problem="+strings.Repeat("x", 100000), "expr="+strings.Repeat("x+", 50000),
		"__proto__=1&constructor=1", "o=gd:__proto__=1", "problem=ros%C3%A9nbrock%F0%9F%98%80", "o=%E2%80%AEgd")
	for _, h := range hashes {
		notes := eval[[]string](tb, "descent.configure("+strconv.Quote(h)+")")
		if len(notes) == 0 {
			t.Errorf("configure(%.40q…): no message", h)
		}
		for _, n := range notes {
			if len([]rune(n)) >= 200 {
				t.Errorf("configure(%.40q…): a message of %d characters: %.80q…", h, len([]rune(n)), n)
			}
		}
	}
	nextFrame(tb)
	if eval[bool](tb, `window.pwned !== undefined || ({}).polluted !== undefined || Object.prototype.hasOwnProperty("lr")`) {
		t.Fatal("a hash ran script or changed a prototype")
	}
	// The API answers wrong arguments with {error} (or, for configure, a list), at once.
	for _, call := range []string{`descent.step(1e6)`, `descent.step("3")`, `descent.trajectory({steps: 1e6})`,
		`descent.trajectory({steps: "300"})`, `descent.trajectory({seed: -1})`} {
		if e := eval[map[string]any](tb, call); e["error"] == nil {
			t.Errorf("%s gave %v, want {error}", call, e)
		}
	}
	if got := eval[[]string](tb, `descent.configure(10n)`); len(got) != 1 || !strings.Contains(got[0], "configure") {
		t.Errorf("configure(10n) gave %q, want one message", got)
	}
	if st := eval[stateJS](tb, "descent.step(3)"); st.Step != 3 {
		t.Errorf("step after the hostile calls: %d, want 3", st.Step)
	}
}
