#pragma once
#define PETREL_VERSION "0.1.0"
