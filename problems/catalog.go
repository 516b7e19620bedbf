package problems

import (
	"slices"
	"sync"
)

// catalog is every built-in problem, in display order: the course notes' problems,
// then the classic test functions, then landscapes built to show one behaviour each.
// Formula is each one's only definition; Expr (and, where derive is set, whatever
// depends on the parameters) is filled from it when the problem is first asked
// for (builtin).
var catalog = slices.Concat(notes, classics, landscapes)

// defaultName is the problem the app opens on.
const defaultName = "ill-conditioned"

// byName indexes catalog by Name.
var byName = make(map[string]int, len(catalog))

// built guards each built-in's instantiation (by catalog index): a problem is
// built, its formula parsed and whatever derive computes done, the first time
// it is asked for, not as the program starts, whose first frame needs one.
var built = make([]sync.Once, len(catalog))

func init() {
	for i, p := range catalog {
		if _, dup := byName[p.Name]; dup {
			panic("problems: duplicate built-in name " + p.Name)
		}
		byName[p.Name] = i
	}
	if _, ok := byName[defaultName]; !ok {
		panic("problems: default " + defaultName + " is not a built-in")
	}
}

// builtin returns catalog[i], built. A built-in that does not build is a
// programmer error (TestCatalog names it).
func builtin(i int) *Problem {
	p := catalog[i]
	built[i].Do(func() {
		if err := p.instantiate(p.defaults()); err != nil {
			panic("problems: built-in " + p.Name + ": " + err.Error())
		}
	})
	return p
}

// All returns the built-in problems in display order. The slice is a fresh copy; the
// problems are shared and must not be modified (With makes a modified copy).
func All() []*Problem {
	all := make([]*Problem, len(catalog))
	for i := range catalog {
		all[i] = builtin(i)
	}
	return all
}

// Names returns the built-in problems' names in display order, building none.
func Names() []string {
	names := make([]string, len(catalog))
	for i, p := range catalog {
		names[i] = p.Name
	}
	return names
}

// Titles returns the built-in problems' titles in display order, as Names
// gives their names, building none.
func Titles() []string {
	titles := make([]string, len(catalog))
	for i, p := range catalog {
		titles[i] = p.Title
	}
	return titles
}

// Lookup returns the built-in problem with the given Name.
func Lookup(name string) (*Problem, bool) {
	i, ok := byName[name]
	if !ok {
		return nil, false
	}
	return builtin(i), true
}

// Default returns the problem the app opens on, the notes' ill-conditioned quadratic.
func Default() *Problem { return builtin(byName[defaultName]) }
