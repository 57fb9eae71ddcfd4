import { makeEnvironmentProviders, type EnvironmentProviders } from '@angular/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, type MatFormFieldDefaultOptions } from '@angular/material/form-field';
import { TitleStrategy } from '@angular/router';
import { PageTitleStrategy } from './page-title/page-title.strategy';

/** Translated page titles and the form-field look used across the app. */
export function provideKehittamoUi(): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: TitleStrategy, useExisting: PageTitleStrategy },
    {
      provide: MAT_FORM_FIELD_DEFAULT_OPTIONS,
      // Outlined fields keep a visible border (not only a tint); dynamic subscripts let
      // long hints — like the pseudonym explanation — wrap instead of being clipped.
      // Most fields are required, so the few optional ones say "(optional)" instead of
      // every other label carrying an asterisk nobody explains.
      useValue: {
        appearance: 'outline',
        subscriptSizing: 'dynamic',
        hideRequiredMarker: true,
      } satisfies MatFormFieldDefaultOptions,
    },
  ]);
}
