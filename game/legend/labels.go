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
}

// Label classes, one per anchoring in index.html's stylesheet.
const (
	XTickClass  = "pl-x"     // centred on X, its bottom at Y
	YTickClass  = "pl-y"     // its left at X, centred on Y
	TitleClass  = "pl-title" // its top left at (X, Y)
	LevelClass  = "pl-level" // its right at X, centred on Y
	HiddenClass = "pl-off"   // a spare element, hidden
)

// RowOf returns the row l shows, or the zero row.
func (l Label) RowOf(rows []Row) Row {
	if l.Row > 0 && l.Row <= len(rows) {
		return rows[l.Row-1]
	}
	return Row{}
}

// String is the label's text: its row's title when it shows one.
func (l Label) String(row Row) string {
	if l.Row > 0 {
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
	Row Row
}

// Shown returns what element i shows.
func (l *Legend) Shown(i int) Shown {
	if i >= len(l.Labels) {
		return Shown{Label: Label{Class: HiddenClass}}
	}
	return Shown{l.Labels[i], l.Labels[i].RowOf(l.Rows)}
}

// Text is the element's text.
func (s Shown) Text() string { return s.Label.String(s.Row) }

// CSS is the element's position, as a style attribute.
func (s Shown) CSS() string {
	return "left:" + strconv.FormatFloat(s.X, 'f', 1, 64) + "px;top:" + strconv.FormatFloat(s.Y, 'f', 1, 64) + "px"
}
