package control

import (
	"html"
	"strings"
	"testing"

	"descent/game/config"
)

const testBase = "https://example.org/descent/"

// TestLinkAndEmbedReproduceTheRace: the link's hash, and the embed code's
// with embed=1 taken off, parse back to the race on screen.
func TestLinkAndEmbedReproduceTheRace(t *testing.T) {
	c := sized(t, "problem=rosenbrock&o=adam:lr=0.05;gd&start=-1,2&seed=9")
	c.Do(Click{X: 100, Y: 80, CanvasW: cssW, CanvasH: cssH}) // a start of the learner's own
	want := c.Config()

	hash, ok := strings.CutPrefix(c.Link(testBase), testBase+"#")
	if !ok {
		t.Fatalf("link %q does not start with %q#", c.Link(testBase), testBase)
	}
	if got, errs := config.Parse(hash); len(errs) > 0 || got.Hash() != want.Hash() {
		t.Errorf("the link's hash %q gives %q (%v), want %q", hash, got.Hash(), errs, want.Hash())
	}

	code := c.EmbedCode(testBase)
	src, ok := between(code, `<iframe src="`, `"`)
	if !ok {
		t.Fatalf("embed code %q has no src", code)
	}
	src = html.UnescapeString(src)
	hash, _ = strings.CutPrefix(src, testBase+"#")
	got, errs := config.Parse(hash)
	if len(errs) > 0 || !got.Embed {
		t.Errorf("the embed code's hash %q: embed %v (%v), want embed=1", hash, got.Embed, errs)
	}
	got.Embed = false
	if got.Hash() != want.Hash() {
		t.Errorf("the embed code shows %q, want %q", got.Hash(), want.Hash())
	}
	for _, attr := range []string{`title="` + html.EscapeString(c.EmbedTitle()) + `"`, "sandbox=", "aspect-ratio"} {
		if !strings.Contains(code, attr) {
			t.Errorf("embed code %q lacks %s", code, attr)
		}
	}
}

// TestEmbedCodeEscapesTheFormula: a formula with quotes and angle brackets
// cannot close the src attribute or open a tag.
func TestEmbedCodeEscapesTheFormula(t *testing.T) {
	c := sized(t, "expr=x^2%2By^2")
	c.Do(SetFormula{Src: `x^2 + y^2 + 0*abs(x)`})
	code := c.EmbedCode(`https://a.example/"><script>`)
	if strings.Count(code, "<") != 2 || strings.Count(code, `"`)%2 != 0 {
		t.Errorf("embed code %q lets the address open a tag or close an attribute", code)
	}
}

func TestShareSectionCopiesTheLink(t *testing.T) {
	c := sized(t, "problem=booth")
	panel := c.Panel(testBase)
	found := map[string]string{}
	panel.Walk(func(n *Node) {
		if id := n.Attr("id"); n.Tag == "button" && (n.Attr("data-copy") != "" || n.Attr("data-export") != "") {
			found[id] = n.Attr("data-copy") + n.Attr("data-export")
		}
	})
	want := map[string]string{"copy-link": c.Link(testBase), "copy-embed": c.EmbedCode(testBase),
		"download-csv": "csv", "download-json": "json", "download-png": "png"}
	for id, w := range want {
		if found[id] != w {
			t.Errorf("button #%s carries %q, want %q", id, found[id], w)
		}
	}
}

// between returns the text of s between the first from and the next to.
func between(s, from, to string) (string, bool) {
	_, rest, ok := strings.Cut(s, from)
	if !ok {
		return "", false
	}
	out, _, ok := strings.Cut(rest, to)
	return out, ok
}
