package control

// Node is an element of the page that the controller describes and the page
// builds: its tag, attributes, text, the value an input shows, and what a
// change of it sends. The page rebuilds the elements when the tree's shape
// changes and otherwise only updates Text, Value and Attrs in place.
//
// Its builders (El, With, Say, Sends, Shows) are never inlined: a Node is 144
// bytes passed by value, and inlined at the panels' two hundred call sites
// each copy in and out was written out in full, 91 kB of main.wasm (which
// every visit downloads and compiles) for code that runs only when the panel
// changes.
type Node struct {
	Tag   string
	Attrs [][2]string // id, class, aria-label, title, type, … in the order set
	Text  string      // the element's text, when it has no children
	Value string      // an input's value ("1"/"0" for a checkbox), not set while the learner types in it
	Style [][2]string // CSS properties, e.g. background
	On    string      // the event that sends: "click", "change" or "input"
	Send  func(value string) Command
	Kids  []Node
}

// El returns a node of tag with attributes given as name, value pairs.
//
//go:noinline
func El(tag string, attrs ...string) Node {
	n := Node{Tag: tag}
	for i := 0; i+1 < len(attrs); i += 2 {
		n.Attrs = append(n.Attrs, [2]string{attrs[i], attrs[i+1]})
	}
	return n
}

// With returns n with kids appended.
//
//go:noinline
func (n Node) With(kids ...Node) Node {
	n.Kids = append(n.Kids, kids...)
	return n
}

// Say returns n with text.
//
//go:noinline
func (n Node) Say(text string) Node {
	n.Text = text
	return n
}

// Sends returns n sending what send makes of its value when event fires.
//
//go:noinline
func (n Node) Sends(event string, send func(value string) Command) Node {
	n.On, n.Send = event, send
	return n
}

// Shows returns n showing value.
//
//go:noinline
func (n Node) Shows(value string) Node {
	n.Value = value
	return n
}

// Attr returns the value of n's attribute name, or "".
func (n Node) Attr(name string) string {
	for _, a := range n.Attrs {
		if a[0] == name {
			return a[1]
		}
	}
	return ""
}

// Edits are the DOM writes that turn an element showing one node into one
// showing another.
type Edits struct {
	Set    [][2]string // attributes set anew or changed
	Remove []string    // attributes no longer set
	Text   bool        // whether to write the text: a node without children whose text changed
}

// EditsFrom returns the edits from an element showing was (a new element when
// was.Tag is "") to one showing n. Its style and value are the page's to
// write, always and unless the learner is typing in it.
func (n *Node) EditsFrom(was *Node) Edits {
	var e Edits
	for _, a := range n.Attrs {
		if was.Tag == "" || was.Attr(a[0]) != a[1] {
			e.Set = append(e.Set, a)
		}
	}
	for _, a := range was.Attrs {
		if n.Attr(a[0]) == "" && a[1] != "" {
			e.Remove = append(e.Remove, a[0])
		}
	}
	e.Text = len(n.Kids) == 0 && (n.Text != was.Text || was.Tag == "")
	return e
}

// Checkbox reports whether n is a checkbox, whose value is its checked state.
func (n Node) Checkbox() bool { return n.Tag == "input" && n.Attr("type") == "checkbox" }

// Shape is n's structure — tags, ids, classes and kinds of input — without its
// texts and values: two trees of one shape differ only in what they show.
func (n Node) Shape() string {
	s := n.Tag + "#" + n.Attr("id") + "." + n.Attr("class") + "(" + n.Attr("type")
	for _, k := range n.Kids {
		s += k.Shape()
	}
	return s + ")"
}

// Walk calls fn on n and every node below it, parents first.
func (n *Node) Walk(fn func(*Node)) {
	fn(n)
	for i := range n.Kids {
		n.Kids[i].Walk(fn)
	}
}
