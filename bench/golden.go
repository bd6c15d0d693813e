package bench

import (
	"os"
	"path/filepath"
)

// AllCases returns the corpus followed by the golden inputs found in dir
// (none if dir does not exist).
func AllCases(dir string) ([]*Case, error) {
	var out []*Case
	for i := range Corpus {
		out = append(out, &Corpus[i])
	}
	gs, err := LoadGolden(dir)
	if err != nil {
		return nil, err
	}
	return append(out, gs...), nil
}

// LoadGolden reads the golden cases of dir (*.txtar).
func LoadGolden(dir string) ([]*Case, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil || len(files) == 0 {
		return nil, err
	}
	var out []*Case
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		if c := parseGolden(filepath.Base(f), data); c != nil {
			out = append(out, c)
		}
	}
	return out, nil
}

// parseGolden is filled in once the golden format is settled.
func parseGolden(name string, data []byte) *Case { return nil }
