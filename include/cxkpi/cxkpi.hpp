#pragma once
/// Umbrella header for the cxkpi metrics library.
#include "cxkpi/agents.hpp"
#include "cxkpi/catalog.hpp"
#include "cxkpi/checks.hpp"
#include "cxkpi/compare.hpp"
#include "cxkpi/fields.hpp"
#include "cxkpi/handling.hpp"
#include "cxkpi/queue.hpp"
#include "cxkpi/resolution.hpp"
#include "cxkpi/result.hpp"
#include "cxkpi/sums.hpp"
#include "cxkpi/survey.hpp"
#include "cxkpi/volume.hpp"
