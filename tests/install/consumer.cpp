// Uses the installed headers: NPS of 120/50/30 is 45 points.
#include <cxkpi/cxkpi.hpp>

int main() {
  const auto r = cxkpi::nps(120, 50, 30);
  return r.value && *r.value > 44.999 && *r.value < 45.001 ? 0 : 1;
}
