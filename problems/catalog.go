package problems

import "slices"

// catalog is every built-in problem, in display order: the course notes' problems,
// then the classic test functions, then landscapes built to show one behaviour each.
// Formula is each one's only definition; Expr (and, where derive is set, whatever
// depends on the parameters) is filled from it at init.
var catalog = slices.Concat(notes, classics, landscapes)

// defaultName is the problem the app opens on.
const defaultName = "ill-conditioned"

// byName indexes catalog by Name.
var byName = make(map[string]*Problem, len(catalog))

func init() {
	for _, p := range catalog {
		if err := p.instantiate(p.defaults()); err != nil {
			panic("problems: built-in " + p.Name + ": " + err.Error())
		}
		if _, dup := byName[p.Name]; dup {
			panic("problems: duplicate built-in name " + p.Name)
		}
		byName[p.Name] = p
	}
	if byName[defaultName] == nil {
		panic("problems: default " + defaultName + " is not a built-in")
	}
}

// All returns the built-in problems in display order. The slice is a fresh copy; the
// problems are shared and must not be modified (With makes a modified copy).
func All() []*Problem {
	return append([]*Problem(nil), catalog...)
}

// Lookup returns the built-in problem with the given Name.
func Lookup(name string) (*Problem, bool) {
	p, ok := byName[name]
	return p, ok
}

// Default returns the problem the app opens on, the notes' ill-conditioned quadratic.
func Default() *Problem { return byName[defaultName] }
