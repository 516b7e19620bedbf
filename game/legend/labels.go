package legend

import "strconv"

// Label is a piece of text over the plot, which the canvas draws without
// text: an axis's number, a panel's title, a value of the level legend. The
// page places it, as Class says, at (X, Y) and rewrites it only when it changes.
type Label struct {
	X, Y  float64 // CSS pixels from the canvas's top left
	Text  string
	Class string // how the page anchors it (index.html: .pl-x, .pl-y, .pl-title, .pl-level)
	Row   int    // > 0: the text is row Row-1's title (Title), kept up to date
	Chart ChartPart
	// MaxWidth > 0 is the widest the label may be, in CSS pixels: a panel's
	// title ends in an ellipsis before the next panel.
	MaxWidth float64
}

// ChartPart is which of the loss chart's numbers a label shows, formatted by
// the page from Legend.Chart when it changes, so a frame formats nothing.
type ChartPart int

const (
	NoChart     ChartPart = iota // the label's own Text
	ChartTop                     // the decade at the chart's top: "1e2"
	ChartBottom                  // the decade at its bottom
	ChartSteps                   // the steps it spans: "steps 0–120"
)

// Label classes, one per anchoring in index.html's stylesheet.
const (
	XTickClass  = "pl-x"     // centred on X, its bottom at Y
	YTickClass  = "pl-y"     // its left at X, centred on Y
	TitleClass  = "pl-title" // its top left at (X, Y)
	LevelClass  = "pl-level" // its right at X, centred on Y
	HiddenClass = "pl-off"   // a spare element, hidden
	// The loss chart's words, small: its caption above its top left corner,
	// its decades inside its right corners, its steps inside its bottom left.
	ChartCaptionClass = "pl-cap" // its left at X, its bottom at Y
	TopRightClass     = "pl-tr"  // its right at X, its top at Y
	BottomRightClass  = "pl-br"  // its right at X, its bottom at Y
	BottomLeftClass   = "pl-bl"  // its left at X, its bottom at Y
)

// RowOf returns the row l shows, or the zero row.
func (l Label) RowOf(rows []Row) Row {
	if l.Row > 0 && l.Row <= len(rows) {
		return rows[l.Row-1]
	}
	return Row{}
}

// String is the label's text: its row's title when it shows one (nothing
// when that row is gone).
func (l Label) String(row Row) string {
	if l.Row > 0 {
		if row.Name == "" {
			return ""
		}
		return row.Title()
	}
	return l.Text
}

// Title is a side-by-side panel's title: "Momentum α=0.02 m=0.9 · 1.23e-4 · running".
func (r *Row) Title() string {
	s := r.Name
	if r.Params != "" {
		s += " " + r.Params
	}
	return s + " · " + r.LossText() + " · " + r.StatusText()
}

// Shown is what the page's element i of the plot's labels shows: a label and,
// for a title, its row; a spare element is hidden.
type Shown struct {
	Label
	Row   Row
	Chart ChartLabels // for a chart part
}

// Shown returns what element i shows.
func (l *Legend) Shown(i int) Shown {
	if i >= len(l.Labels) {
		return Shown{Label: Label{Class: HiddenClass}}
	}
	sh := Shown{Label: l.Labels[i], Row: l.Labels[i].RowOf(l.Rows)}
	if sh.Label.Chart != NoChart {
		sh.Chart = l.Chart
	}
	return sh
}

// Text is the element's text.
func (s Shown) Text() string {
	switch s.Label.Chart {
	case ChartTop:
		return Decade(s.Chart.Top)
	case ChartBottom:
		return Decade(s.Chart.Bottom)
	case ChartSteps:
		return s.Chart.Steps()
	}
	return s.Label.String(s.Row)
}

// CSS is the element's position (and greatest width), as a style attribute.
func (s Shown) CSS() string {
	css := "left:" + strconv.FormatFloat(s.X, 'f', 1, 64) + "px;top:" + strconv.FormatFloat(s.Y, 'f', 1, 64) + "px"
	if s.MaxWidth > 0 {
		css += ";max-width:" + strconv.FormatFloat(s.MaxWidth, 'f', 1, 64) + "px"
	}
	return css
}

// Element is what the page writes to a label's element. Shown changes with
// anything it is made from (a chart's decades with its steps, a title with its
// row's loss), so the page compares Elements, and writes each of the three
// only when it differs: a chart's steps change every frame, its place seldom.
type Element struct{ Class, Text, CSS string }

// Element returns what s's element shows.
func (s Shown) Element() Element { return Element{Class: s.Class, Text: s.Text(), CSS: s.CSS()} }
